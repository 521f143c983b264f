import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  codeLabel,
  errorMessage,
  isLanguage,
  translate,
  type CodeGroup,
  type Language,
  type MessageKey,
  type MessageParams,
} from '../../shared/i18n';

// Only the language code is remembered in the browser — nothing personal (ASVS 14.3.3).
const storageKey = 'husly.language';

function readStoredLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage disabled
  }
}

function storeLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // storage disabled: the choice lasts for this page load
  }
}

type I18n = {
  lang: Language;
  /** The user's explicit choice; remembered on this device. */
  setLang: (lang: Language) => void;
  /** Used until the user has chosen: e.g. the municipality's administrative language. */
  setDefaultLang: (lang: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  errorText: (code: string) => string;
  /** A code the server sends as a plain string (role, audit action, purpose, entity). */
  codeText: (group: CodeGroup, code: string) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Language | null>(readStoredLanguage);
  const [fallback, setFallback] = useState<Language>('nb');
  const lang = chosen ?? fallback;

  // WCAG 3.1.1: the page language follows the UI language.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    storeLanguage(next);
    setChosen(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      setDefaultLang: setFallback,
      t: (key, params) => translate(lang, key, params),
      errorText: (code) => errorMessage(lang, code),
      codeText: (group, code) => codeLabel(lang, group, code),
    }),
    [lang, setLang],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

/** WCAG 2.4.2: every page has a title saying where you are. */
export function usePageTitle(page: string): void {
  const { t } = useI18n();
  const title = t('app.pageTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
