import { createTheme } from '@mui/material/styles';
import { enUS, faIR } from '@mui/material/locale';
import type { Language } from '../locale/format';

/** One theme for both directions; Vazirmatn carries Persian and Latin letters alike. */
export function createAppTheme(language: Language) {
  return createTheme(
    {
      direction: language === 'fa' ? 'rtl' : 'ltr',
      palette: {
        primary: { main: '#0f766e' },
        secondary: { main: '#b45309' },
        background: { default: '#f6f7f9' },
      },
      shape: { borderRadius: 10 },
      typography: {
        fontFamily: 'Vazirmatn, system-ui, -apple-system, "Segoe UI", sans-serif',
        button: { textTransform: 'none', fontWeight: 600 },
      },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        MuiFormControl: { defaultProps: { size: 'small' } },
        MuiAutocomplete: { defaultProps: { size: 'small' } },
        MuiTableCell: { styleOverrides: { root: { whiteSpace: 'nowrap' } } },
      },
    },
    language === 'fa' ? faIR : enUS,
  );
}
