/**
 * A small hand-written i18n: two dictionaries per app (zh-CN first, English second), the choice
 * kept in localStorage and shared by the console and the resident app. `{name}` placeholders.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

import { LANG_KEY } from './lang-key';

export { LANG_KEY };
export type Lang = 'zh-CN' | 'en';

export function currentLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lang;
}

export type Vars = Record<string, string | number>;

export interface I18n<K extends string> {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: K, vars?: Vars) => string;
  /** Picks the Chinese or the English of a pair that came from the server (e.g. role labels). */
  pick: (zh: string, en: string | null | undefined) => string;
}

function fill(text: string, vars?: Vars): string {
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/** One app's dictionaries: `en` covers every key of `zh`. */
export interface Dictionaries<D extends Record<string, string>> {
  zh: D;
  en: { [K in keyof D]: string };
}

/**
 * Makes a typed provider and hook for one app's dictionaries. The dictionaries are given to the
 * provider (by the app's main.tsx), not imported here: they are assembled from the app's modules,
 * whose pages use the hook, so importing them would close an import cycle.
 */
export function createI18n<D extends Record<string, string>>() {
  type K = keyof D & string;
  const Ctx = createContext<I18n<K> | null>(null);

  // biome-ignore lint/correctness/noComponentHookFactories: made once per app at module level, never during a render
  function I18nProvider({ zh, en, children }: Dictionaries<D> & { children: ReactNode }) {
    const [lang, setLangState] = useState<Lang>(currentLang);
    const setLang = useCallback((l: Lang) => {
      storeLang(l);
      setLangState(l);
    }, []);
    const value = useMemo<I18n<K>>(() => {
      const dict: Record<string, string> = lang === 'en' ? en : zh;
      return {
        lang,
        setLang,
        t: (key, vars) => fill(dict[key] ?? key, vars),
        pick: (zhText, enText) => (lang === 'en' && enText ? enText : zhText),
      };
    }, [lang, setLang, zh, en]);
    document.documentElement.lang = lang;
    return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
  }

  // biome-ignore lint/correctness/noComponentHookFactories: made once per app at module level, never during a render
  function useI18n(): I18n<K> {
    const v = useContext(Ctx);
    if (!v) throw new Error('useI18n outside I18nProvider');
    return v;
  }

  return { I18nProvider, useI18n };
}
