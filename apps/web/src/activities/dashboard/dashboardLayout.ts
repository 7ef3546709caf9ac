export const WIDGETS = ['upcoming', 'overdue', 'todaysCalls', 'recent'] as const;
export type WidgetId = (typeof WIDGETS)[number];

/** The user's arrangement: widgets in their order, each shown or hidden (preference `dashboardWidgets`). */
export type DashboardLayout = { id: WidgetId; hidden: boolean }[];

export const LAYOUT_PREFERENCE = 'dashboardWidgets';

/** The saved arrangement, minus widgets that no longer exist, plus new ones (shown) at the end. */
export function layoutOf(saved: DashboardLayout | undefined): DashboardLayout {
  const known = (saved ?? []).filter((w) => (WIDGETS as readonly string[]).includes(w.id));
  const missing = WIDGETS.filter((id) => !known.some((w) => w.id === id)).map((id) => ({ id, hidden: false }));
  return [...known, ...missing];
}

/** The arrangement with the widget at `index` swapped with its neighbour. */
export function moved(layout: DashboardLayout, index: number, step: 1 | -1): DashboardLayout {
  const target = index + step;
  if (target < 0 || target >= layout.length) return layout;
  const next = [...layout];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
