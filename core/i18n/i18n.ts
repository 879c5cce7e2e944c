/**
 * The one way a user-visible string is produced. Catalogs are plain objects bundled with the
 * code (the manifest's own strings stay in public/_locales), so the language setting can
 * override the browser's and screenshots can be driven in either language.
 */
import type { LANGUAGES } from '../settings/settings';
import { en, type Catalog, type MessageKey } from './catalogs/en';
import { zh_CN } from './catalogs/zh_CN';
import { ageParts } from '../format/display';

export type { MessageKey } from './catalogs/en';
export type LanguageSetting = (typeof LANGUAGES)[number];
export type Language = Exclude<LanguageSetting, 'auto'>;

export const CATALOGS: Record<Language, Catalog> = { en, zh_CN };

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
    const template = catalog[key] ?? en[key] ?? key;
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
  return Object.hasOwn(en, key);
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
