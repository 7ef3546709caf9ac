/**
 * A screen that fills the window below the app bar (56px on phones, 64px above), so a table or a
 * board scrolls inside it while the header and toolbar stay put.
 */
export const screenBelowAppBar = {
  display: 'flex',
  flexDirection: 'column',
  height: { xs: 'calc(100dvh - 56px)', sm: 'calc(100dvh - 64px)' },
} as const;
