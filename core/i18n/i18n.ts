/**
 * The one way a user-visible string is produced. Catalogs are plain objects bundled with the
 * code (the manifest's own strings stay in public/_locales), so the language setting can
 * override the browser's and screenshots can be driven in either language.
 */
import type { LANGUAGES } from '../settings/settings';
import { en, type OverlayMessageKey } from './catalogs/en';
import type { PageMessageKey } from './catalogs/en-pages';
import type { ChartMessageKey } from './catalogs/en-chart';
import { ageParts } from '../format/display';

/** Every key; the popup's and options page's strings are loaded by those pages only (core/i18n/pages.ts). */
export type MessageKey = OverlayMessageKey | PageMessageKey | ChartMessageKey;
export type LanguageSetting = (typeof LANGUAGES)[number];
export type Language = Exclude<LanguageSetting, 'auto'>;

type Messages = Partial<Record<MessageKey, string>>;

/**
 * English is bundled everywhere. Other languages are registered when needed: the extension pages
 * import core/i18n/zh_CN; the content script asks the background (`i18n.catalog`), which keeps
 * them out of the bundle every trading page loads. Until then a key falls back to English.
 */
export const CATALOGS: Record<Language, Messages> = { en: { ...en }, zh_CN: {} };

/** Registers one language's messages; only known keys with string values are taken. */
export function addCatalog(language: Language, messages: Record<string, unknown>): void {
  const target = CATALOGS[language];
  for (const [key, value] of Object.entries(messages)) if (typeof value === 'string' && isMessageKey(key)) target[key] = value;
}

export const hasCatalog = (language: Language): boolean => language === 'en' || Object.keys(CATALOGS[language]).length > 0;

/** Adds a set of messages (the extension pages' own) to both languages. */
export function addMessages(extra: Record<Language, Messages>): void {
  Object.assign(CATALOGS.en, extra.en);
  Object.assign(CATALOGS.zh_CN, extra.zh_CN);
}

export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/** A translator for one language; a missing placeholder value stays visible rather than vanishing. */
export function createTranslator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, params) => {
    const template = catalog[key] ?? CATALOGS.en[key] ?? key;
    if (!params) return template;
    return template.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** "2 min ago" in the translator's language. */
export function formatAge(t: Translate, ageMs: number): string {
  const { unit, n } = ageParts(ageMs);
  switch (unit) {
    case 'now':
      return t('ageNow');
    case 's':
      return t('ageSeconds', { n });
    case 'min':
      return t('ageMinutes', { n });
    case 'h':
      return t('ageHours', { n });
    case 'd':
      return t('ageDays', { n });
  }
}

/** Whether a string names a catalog key: page-reader field names come from another module. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS.en, key);
}

/** "25 min", for how long something has lasted. */
export function formatDuration(t: Translate, ms: number): string {
  const { unit, n } = ageParts(ms);
  switch (unit) {
    case 'now':
      return t('durSeconds', { n: Math.max(0, Math.floor(ms / 1000)) });
    case 's':
      return t('durSeconds', { n });
    case 'min':
      return t('durMinutes', { n });
    case 'h':
      return t('durHours', { n });
    case 'd':
      return t('durDays', { n });
  }
}
