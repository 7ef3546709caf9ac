import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { type ReactNode, useMemo } from 'react';
import { prefixer } from 'stylis';
import rtlPlugin from 'stylis-plugin-rtl';
import { useLocale } from '../locale/LocaleProvider';
import { createAppTheme } from './theme';

// Two caches with their own keys: switching language swaps the cache, and styles already
// inserted for one direction are never reused for the other.
const caches = {
  rtl: createCache({ key: 'muirtl', stylisPlugins: [prefixer, rtlPlugin] }),
  ltr: createCache({ key: 'muiltr', stylisPlugins: [prefixer] }),
};

export function DirectionRoot({ children }: { children: ReactNode }) {
  const { format, direction } = useLocale();
  const theme = useMemo(() => createAppTheme(format.language), [format.language]);
  return (
    <CacheProvider value={caches[direction]}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </CacheProvider>
  );
}
