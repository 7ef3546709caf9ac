import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { AdapterDateFnsJalali } from '@mui/x-date-pickers/AdapterDateFnsJalali';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS as pickerEnglish, faIR as pickerPersian } from '@mui/x-date-pickers/locales';
import { enUS as gregorianEnglish, faIR as gregorianPersian } from 'date-fns/locale';
import { enUS as jalaliEnglish, faIR as jalaliPersian } from 'date-fns-jalali/locale';
import type { ReactNode } from 'react';
import { useLocale } from '../../../locale/LocaleProvider';

// Each calendar has its own date library, and each library its own Persian and English locale.
const ADAPTERS = {
  jalali: { dateAdapter: AdapterDateFnsJalali, locales: { fa: jalaliPersian, en: jalaliEnglish } },
  gregorian: { dateAdapter: AdapterDateFns, locales: { fa: gregorianPersian, en: gregorianEnglish } },
};

/**
 * Pickers follow the user's calendar (Jalali by default) and language, independently. Each
 * picker brings its own provider, so the date libraries load with the first form, not the app.
 */
export function PickerLocalization({ children }: { children: ReactNode }) {
  const { format } = useLocale();
  const { dateAdapter, locales } = ADAPTERS[format.calendar];
  const localeText = (format.language === 'fa' ? pickerPersian : pickerEnglish).components.MuiLocalizationProvider
    .defaultProps.localeText;
  return (
    <LocalizationProvider dateAdapter={dateAdapter} adapterLocale={locales[format.language]} localeText={localeText}>
      {children}
    </LocalizationProvider>
  );
}
