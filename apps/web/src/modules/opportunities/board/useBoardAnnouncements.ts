import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';

/** What screen readers hear while a card is dragged, in the interface's language. */
export function useBoardAnnouncements(): {
  announcements: Announcements;
  screenReaderInstructions: ScreenReaderInstructions;
} {
  const { t } = useTranslation();
  const title = (data: unknown) => {
    const card = (data as { card?: { name?: unknown } } | undefined)?.card;
    return String(card?.name ?? '');
  };
  const column = (data: unknown) => (data as { title?: string } | undefined)?.title ?? '';
  return {
    screenReaderInstructions: { draggable: t('sales.board.dragInstructions') },
    announcements: {
      onDragStart: ({ active }) => t('sales.board.picked', { name: title(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('sales.board.over', { name: title(active.data.current), stage: column(over.data.current) })
          : undefined,
      onDragEnd: ({ active, over }) =>
        over
          ? t('sales.board.dropped', { name: title(active.data.current), stage: column(over.data.current) })
          : undefined,
      onDragCancel: ({ active }) => t('sales.board.cancelled', { name: title(active.data.current) }),
    },
  };
}
