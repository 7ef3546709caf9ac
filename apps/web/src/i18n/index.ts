import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storedChoice } from '../locale/storedChoice';
import { en } from './en';
import { fa } from './fa';

void i18n.use(initReactI18next).init({
  resources: { fa: { translation: fa }, en: { translation: en } },
  lng: storedChoice().language,
  fallbackLng: 'fa',
  // React escapes what it renders; escaping here too would show «&amp;» in labels.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
