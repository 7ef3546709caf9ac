import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import type { Language } from '../locale/format';
import { useLocale } from '../locale/LocaleProvider';

/** فارسی | English, each written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { format, setLanguage } = useLocale();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={format.language}
      onChange={(_, next: Language | null) => next && setLanguage(next)}
      aria-label={t('user.language')}
    >
      <ToggleButton value="fa" lang="fa">
        {t('languages.fa')}
      </ToggleButton>
      <ToggleButton value="en" lang="en">
        {t('languages.en')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
