import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, isConflict } from '../../../api/problem';
import type { ApiRecord } from '../../../core/metadata/types';
import { recordKeys, recordsApi } from '../../../core/records/recordsApi';
import { useNotify } from '../../../shell/Notifier';

export interface Move {
  card: ApiRecord;
  stage: string;
  /** Asked for when a deal is won or lost. */
  closeReason?: string;
}

/**
 * Moves a deal to another stage with the version the board showed; when someone changed it
 * meanwhile (409) nothing moves, the board reloads and says so.
 */
export function useMoveOpportunity() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ card, stage, closeReason }: Move) =>
      recordsApi.update('opportunities', card.id, {
        stage,
        version: card.version,
        ...(closeReason ? { closeReason } : {}),
      }),
    onError: (error) => {
      if (isConflict(error)) notify({ severity: 'info', message: t('sales.board.conflict') });
      else notify({ severity: 'error', message: error instanceof ApiError ? error.message : t('errors.unexpected') });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordKeys.module('opportunities') }),
  });
}
