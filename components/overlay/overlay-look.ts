/**
 * The overlay's language, number style, theme and band window as a store, applied from the
 * settings. Strings of a language other than English come from the background once (the content
 * script does not bundle them); until they arrive the overlay says English in its markup too.
 */
import type { RequestFn } from '@/core/messages/client';
import { addCatalog, hasCatalog, resolveLanguage, type Language } from '@/core/i18n/i18n';
import { addNotes } from '@/core/i18n/engine-notes';
import { createStore, type Store } from '@/core/overlay/observable';
import type { LookControl } from '@/core/overlay/start';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import { pageLook } from '../shared/page-setup';
import type { OverlayLook } from './OverlayRoot';

export function createOverlayLook(request: RequestFn, uiLanguage: string, prefersDark: () => boolean): LookControl & { store: Store<OverlayLook> } {
  const catalogs = new Map<Language, Promise<void>>();
  // A failure leaves English.
  const loadLanguage = (language: Language): Promise<void> => {
    if (hasCatalog(language)) return Promise.resolve();
    let loading = catalogs.get(language);
    if (!loading) {
      loading = request('i18n.catalog', { language: 'zh_CN' }).then(
        ({ messages, notes }) => {
          addCatalog(language, messages);
          addNotes(language, notes);
        },
        () => undefined,
      );
      catalogs.set(language, loading);
    }
    return loading;
  };
  // The browser's own language is asked for at once, before the settings arrive.
  if (resolveLanguage('auto', uiLanguage) !== 'en') void loadLanguage(resolveLanguage('auto', uiLanguage));

  const lookOf = (s: Settings): OverlayLook => {
    const look = pageLook(s, uiLanguage, prefersDark());
    return { ...look, language: hasCatalog(look.language) ? look.language : 'en', windowPct: s.bandWindowPct };
  };
  const store = createStore(lookOf(DEFAULT_SETTINGS));
  return {
    store,
    async apply(s) {
      const wanted = pageLook(s, uiLanguage, false).language;
      if (!hasCatalog(wanted)) await loadLanguage(wanted);
      const next = lookOf(s);
      const current = store.get();
      if (next.language !== current.language || next.style !== current.style || next.theme !== current.theme || next.windowPct !== current.windowPct)
        store.set(next);
    },
  };
}
