import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, setRequestLanguage } from '../api/http';
import { SESSION_KEY, type Session, useSession } from '../auth/session';
import { i18n } from '../i18n';
import { type Calendar, type Formatter, type Language, createFormatter } from './format';
import { storeChoice, storedChoice } from './storedChoice';

interface LocaleContextValue {
  format: Formatter;
  direction: 'rtl' | 'ltr';
  /** Picks the label in the interface language from a `{ fa, en }` pair. */
  label(label: { fa: string; en: string }): string;
  setLanguage(language: Language): void;
  setCalendar(calendar: Calendar): void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

/**
 * Language and calendar: the logged-in user's choice (their record's `language` and
 * `calendar`), else this browser's last choice. Changing them saves to the user's record.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [local, setLocal] = useState(storedChoice);
  /** The choices' saves, each sent once the one before has been answered. */
  const saving = useRef(Promise.resolve());
  const user = session?.user;
  const language: Language = user?.language === 'en' || user?.language === 'fa' ? user.language : local.language;
  const calendar: Calendar =
    user?.calendar === 'gregorian' || user?.calendar === 'jalali' ? user.calendar : local.calendar;
  const direction = language === 'fa' ? 'rtl' : 'ltr';

  useEffect(() => {
    setRequestLanguage(language);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.documentElement.dir = direction;
  }, [language, direction]);

  const value = useMemo(() => {
    const choose = (change: { language?: Language; calendar?: Calendar }) => {
      const next = { language, calendar, ...change };
      setLocal(next);
      storeChoice(next);
      if (!user) return;
      // The switch is immediate; the user's record catches up in the background, one save after the
      // other, so the server keeps the last choice. An answer is not written back: it would carry
      // the other setting as it stood then, undoing a choice made meanwhile.
      queryClient.setQueryData<Session | null>(SESSION_KEY, (s) => (s ? { ...s, user: { ...s.user, ...change } } : s));
      saving.current = saving.current
        .then(() => api.patch('/me', change))
        .then(
          () => undefined,
          // A failed save leaves the choice in this browser only; the next one is still saved.
          () => undefined,
        );
    };
    return {
      format: createFormatter(language, calendar),
      direction,
      label: (pair: { fa: string; en: string }) => pair[language],
      setLanguage: (next: Language) => choose({ language: next }),
      setCalendar: (next: Calendar) => choose({ calendar: next }),
    } satisfies LocaleContextValue;
  }, [language, calendar, direction, user, queryClient]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const context = useContext(LocaleContext);
  if (!context) throw new Error('useLocale outside LocaleProvider');
  return context;
}

/** The `{ fa, en }` label picker, stable while the language stays the same. */
export function useLabel(): LocaleContextValue['label'] {
  return useLocale().label;
}
