import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
// The stylesheet as text, put into the shadow root directly: no fetch before the first paint and
// no web-accessible file a page could probe for.
import overlayCss from '@/components/overlay/overlay.css?inline';
import { contentScriptMatches, venueForPageHost } from '@/core/venues/registry';
import { LIVE_PORT } from '@/core/messages/protocol';
import { createClient } from '@/core/messages/client';
import { marketFromUrl } from '@/core/page/market-from-url';
import { currentSnapshot, firstAnswerOr, takeFirstAnswer } from '@/core/overlay/first-answer';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import { computeLiquidation } from '@/core/liquidation/engine';
import { createOverlaySession } from '@/core/overlay/session';
import { clampPosition, initialPosition, type Point } from '@/core/overlay/position';
import { createStore } from '@/core/overlay/store';
import { addCatalog, hasCatalog, resolveLanguage, type Language } from '@/core/i18n/i18n';
import { addNotes } from '@/core/i18n/engine-notes';
import { createShadowHost } from '@/components/overlay/shadow-host';
import { isTabMessage } from '@/core/overlay/tab-messages';
import { pageLook } from '@/components/shared/page-setup';
import { OverlayRoot, type OverlayLook } from '@/components/overlay/OverlayRoot';
import { createLivePort } from '@/components/shared/live-port';
import { connectPage, orderFormRect } from './page-bridge';

/** Size the overlay is placed with before it has rendered (compact width, typical height). */
const PLACEMENT_SIZE = { width: 304, height: 240 };

export default defineContentScript({
  matches: contentScriptMatches(),
  // The overlay's CSS is inlined (see the import above); WXT injects nothing.
  cssInjectionMode: 'manual',
  // WXT would also window.postMessage a "script started" note, which tells every page script that
  // LiqLens is installed and costs ≈10 ms before main() runs. Its DOM event still stops an old copy.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Taken at once, so it never lingers on the global, whatever happens next.
    const handedOver = takeFirstAnswer(globalThis as unknown as Record<string, unknown>, location.href);
    const request = createClient((message) => browser.runtime.sendMessage(message));
    const market = marketFromUrl(location.href);
    const venue = market?.venue ?? venueForPageHost(location.hostname);
    if (!venue) return;
    const siteOff = (s: Settings) => s.overlaySites[venue] === false;
    // First paint with cached data is the goal. The settings and the cached snapshot come in one
    // answer, asked for by the content script's first file (entrypoints/first-answer.ts) before
    // this one was even compiled; the worker answers it in a few ms, so it is usually waiting by
    // the time this function yields. The Chinese strings for a Chinese browser are asked for now.
    // Assembling the current snapshot keeps the background busy for tens of ms, which would hold
    // that small answer back: it is asked for once the answer is in (after the first paint when a
    // cached one is shown), and only when the site has the overlay. What only an order or the
    // manual calculator needs (tiers, instrument) waits for the first paint too.
    const opening = firstAnswerOr(handedOver, () => request('overlay.open', market ? { market } : {}));
    const settingsReply = opening.then((o) => o.settings, () => DEFAULT_SETTINGS);
    const cachedSnapshot = market ? opening.then((o) => o.cached, () => null) : undefined;
    // Resolved by startWatching below, after the frame that shows the overlay.
    let firstPaintDone: () => void = () => undefined;
    const firstPaint = new Promise<void>((resolve) => (firstPaintDone = resolve));
    const firstSnapshot = market
      ? currentSnapshot(opening, {
          switchedOff: siteOff,
          firstPaint,
          stillWanted: () => session.data.get().market?.symbol === market.symbol,
          ask: () => request('snapshot.get', { market }),
        })
      : undefined;
    firstSnapshot?.catch(() => undefined);
    const uiLanguage = browser.i18n.getUILanguage();
    const catalogs = new Map<Language, Promise<void>>();
    // Languages other than English come from the background, once; a failure leaves English.
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
    if (resolveLanguage('auto', uiLanguage) !== 'en') void loadLanguage(resolveLanguage('auto', uiLanguage));

    const session = createOverlaySession({
      request,
      afterFirstPaint: (task) => void firstPaint.then(task),
      compute: computeLiquidation,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as number),
    });
    const visible = createStore(true);
    const lookOf = (s: Settings): OverlayLook => {
      const look = pageLook(s, uiLanguage, matchMedia('(prefers-color-scheme: dark)').matches);
      // Until its strings are here a language would show English anyway: say so in the markup too.
      return { ...look, language: hasCatalog(look.language) ? look.language : 'en', windowPct: s.bandWindowPct };
    };
    const applySettings = async (s: Settings) => {
      const wanted = pageLook(s, uiLanguage, false).language;
      if (!hasCatalog(wanted)) await loadLanguage(wanted);
      const l = lookOf(s);
      const current = look.get();
      if (l.language !== current.language || l.style !== current.style || l.theme !== current.theme || l.windowPct !== current.windowPct) look.set(l);
    };
    const look = createStore(lookOf(DEFAULT_SETTINGS));
    const onMove = (p: Point) => void request('overlay.position', { venue, x: p.x, y: p.y }).catch(() => undefined);

    // While the answer travels, the overlay's loading state renders into the host before the host is
    // on the page: that render compiles the UI code, so the render with data is quick, and the page
    // sees nothing until the settings say this site has the overlay. It then joins the page where the
    // trader left it, so it never jumps.
    const ui = createShadowHost(document, {
      name: 'liqlens-overlay',
      css: overlayCss,
      // Typing in the calculator must not reach the exchange's hotkeys or input listeners.
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change'],
    });
    const paint = (position: Point, initialExpanded: boolean) =>
      render(
        <OverlayRoot look={look} session={session} compute={computeLiquidation} initialExpanded={initialExpanded} position={position} visible={visible} onMove={onMove} />,
        ui.container,
      );
    ctx.onInvalidated(() => {
      render(null, ui.container);
      ui.remove();
    });
    session.setMarket(market, firstSnapshot, cachedSnapshot);
    // A task of its own, so an answer already waiting is handled first.
    let early = true;
    ctx.setTimeout(() => {
      if (early) paint({ x: 16, y: 128 }, false);
    }, 0);

    const settings = await settingsReply;
    early = false;
    if (siteOff(settings) || ctx.isInvalid) {
      render(null, ui.container);
      session.dispose();
      return;
    }
    await applySettings(settings);
    // The extension may have been reloaded while the answers travelled: its cleanup has run.
    if (ctx.isInvalid) return;
    const viewport = { width: innerWidth, height: innerHeight };
    const saved = settings.overlayPositions?.[venue];
    // The order form's box is read once, and only when there is no saved place: the overlay never
    // starts on top of the order button, and a returning trader's page is spared the layout read.
    const position = saved ? clampPosition(saved, PLACEMENT_SIZE, viewport) : initialPosition(PLACEMENT_SIZE, viewport, orderFormRect(document, venue));
    paint(position, settings.overlayExpandedByDefault);
    ui.mount();

    // While this page is open the background keeps its liquidation streams running for the market shown.
    const live = createLivePort(() => browser.runtime.connect({ name: LIVE_PORT }), (fn, ms) => ctx.setTimeout(fn, ms));
    live.watch(market);
    session.data.subscribe((d) => live.watch(d.market));
    ctx.addEventListener(window, 'online', () => session.setOnline(true));
    ctx.addEventListener(window, 'offline', () => session.setOnline(false));
    session.setOnline(navigator.onLine);

    // Settings changed on the options page apply when the trader comes back to this tab. (Not
    // storage.onChanged: that event would hand this page's process every stored value, keys included.)
    // A site switched off hides the overlay; switched on again, it shows it again (not when the
    // trader had closed it: that stays their choice until the shortcut or a reload).
    let hiddenBySettings = false;
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      void request('settings.get', {}).then((next) => {
        void applySettings(next);
        const off = siteOff(next);
        if (off && visible.get()) {
          hiddenBySettings = true;
          visible.set(false);
        } else if (!off && hiddenBySettings) {
          hiddenBySettings = false;
          visible.set(true);
        }
      }, () => undefined);
    });

    // The page reader notices market switches inside the single-page app itself (URL check + events).
    // Its first full read costs several ms: it starts after the frame that shows the overlay (the
    // timer covers a tab that paints no frames yet), so it never holds the first paint back.
    let watch: ReturnType<typeof connectPage> | null = null;
    const startWatching = () => {
      firstPaintDone();
      if (watch || ctx.isInvalid) return;
      watch = connectPage(document, window, venue, session);
    };
    requestAnimationFrame(() => ctx.setTimeout(startWatching, 0));
    ctx.setTimeout(startWatching, 250);
    // Re-read at once when the overlay is shown again after being hidden.
    visible.subscribe((shown) => shown && watch?.refresh());

    // The keyboard command (relayed by the background) and the popup's "which market is this tab?".
    // Answered through sendResponse: the browser's own API (not the polyfill) takes no returned promise in Chrome.
    const onTabMessage = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void): undefined => {
      if (sender.id !== browser.runtime.id || sender.tab || !isTabMessage(message)) return undefined;
      if (message.command === 'overlay.toggle') {
        visible.set(!visible.get());
        sendResponse({ visible: visible.get() });
      } else sendResponse({ market: session.data.get().market });
      return undefined;
    };
    browser.runtime.onMessage.addListener(onTabMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onTabMessage);
      watch?.stop();
      live.close();
      session.dispose();
    });
  },
});
