import { resolveNumberStyle, type NumberStyle } from '@/core/format/display';
import { resolveLanguage, type Language } from '@/core/i18n/i18n';
import type { Settings } from '@/core/settings/settings';
import { PALETTES, resolveTheme, type ThemeName } from '../theme/colors';

export interface PageLook {
  language: Language;
  style: NumberStyle;
  theme: ThemeName;
}

/** Language, number style and theme for an extension page, from the settings and the browser. */
export function pageLook(settings: Settings, uiLanguage: string, prefersDark: boolean): PageLook {
  const language = resolveLanguage(settings.language, uiLanguage);
  return {
    language,
    style: resolveNumberStyle(settings.numberFormat, language === 'zh_CN' ? 'zh' : uiLanguage),
    theme: resolveTheme(settings.theme, prefersDark),
  };
}

/** The document itself follows the theme and language (background behind the app, lang for screen readers). */
export function applyToDocument(doc: Document, look: PageLook, title: string): void {
  doc.documentElement.lang = look.language === 'zh_CN' ? 'zh-CN' : 'en';
  doc.body.style.background = PALETTES[look.theme].bg;
  doc.title = title;
}
