import type { DragEvent } from 'react';
import { type CalendarEntry, DRAG_TYPE } from './calendarApi';

/** Props that make a slot accept a dragged occurrence and hand it over with the slot's start. */
export function dropTarget(
  entries: CalendarEntry[],
  start: () => Date,
  onDrop: (entry: CalendarEntry, start: Date) => void,
) {
  return {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    },
    onDrop: (e: DragEvent) => {
      const [id, startsAt] = e.dataTransfer.getData(DRAG_TYPE).split('|');
      const entry = entries.find((x) => x.activityId === id && x.startsAt === startsAt);
      if (!entry) return;
      e.preventDefault();
      onDrop(entry, start());
    },
  };
}
