import type { Calendar, Language } from './format';

/**
 * The language and calendar last used in this browser, so the login page already speaks the
 * user's language. Once logged in, the user's record is the source of truth.
 */
const KEY = 'peyvand.locale';

export function storedChoice(): { language: Language; calendar: Calendar } {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { language?: string; calendar?: string };
    return {
      language: saved.language === 'en' ? 'en' : 'fa',
      calendar: saved.calendar === 'gregorian' ? 'gregorian' : 'jalali',
    };
  } catch {
    return { language: 'fa', calendar: 'jalali' };
  }
}

export function storeChoice(choice: { language: Language; calendar: Calendar }): void {
  localStorage.setItem(KEY, JSON.stringify(choice));
}
