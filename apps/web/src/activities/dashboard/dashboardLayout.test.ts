import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DashboardLayout, layoutOf, moved } from './dashboardLayout';

test('a saved arrangement keeps its order; unknown widgets go, new ones come last', () => {
  const saved = [
    { id: 'recent', hidden: false },
    { id: 'gone', hidden: false },
    { id: 'overdue', hidden: true },
  ] as unknown as DashboardLayout;
  assert.deepEqual(
    layoutOf(saved).map((w) => `${w.id}:${w.hidden}`),
    ['recent:false', 'overdue:true', 'upcoming:false', 'todaysCalls:false'],
  );
});

test('moving a widget swaps it with its neighbour and stops at the ends', () => {
  const layout = layoutOf(undefined);
  assert.deepEqual(
    moved(layout, 0, 1)
      .map((w) => w.id)
      .slice(0, 2),
    ['overdue', 'upcoming'],
  );
  assert.equal(moved(layout, 0, -1), layout);
});
