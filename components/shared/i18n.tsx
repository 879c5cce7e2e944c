import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { createTranslator, type Language, type Translate } from '@/core/i18n/i18n';
import type { NumberStyle } from '@/core/format/display';

export interface Locale {
  language: Language;
  t: Translate;
  style: NumberStyle;
}

const LocaleContext = createContext<Locale>({ language: 'en', t: createTranslator('en'), style: 'en' });

export function LocaleProvider(props: { language: Language; style: NumberStyle; children: ComponentChildren }) {
  const value = useMemo(() => ({ language: props.language, t: createTranslator(props.language), style: props.style }), [props.language, props.style]);
  return <LocaleContext.Provider value={value}>{props.children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
