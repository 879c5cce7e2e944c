import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import '@/components/overlay/overlay.css';
import { contentScriptMatches } from '@/core/venues/sites';
import { createClient } from '@/core/messages/client';
import { LIVE_PORT, type Envelope } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import { computeLiquidation } from '@/core/liquidation/engine';
import { createOverlaySession } from '@/core/overlay/session';
import { clampPosition, initialPosition, type Point } from '@/core/overlay/position';
import { createStore } from '@/core/overlay/store';
import { isTabMessage } from '@/core/overlay/tab-messages';
import { pageLook } from '@/components/shared/page-setup';
import { OverlayRoot, type OverlayLook } from '@/components/overlay/OverlayRoot';
import { createLivePort } from '@/components/shared/live-port';
import { connectPage, marketOf, orderFormRect, venueForHost } from './page-bridge';

/** Size the overlay is placed with before it has rendered (compact width, typical height). */
const PLACEMENT_SIZE = { width: 304, height: 240 };

export default defineContentScript({
  matches: contentScriptMatches(),
  cssInjectionMode: 'ui',
  async main(ctx) {
    const request = createClient((message: Envelope) => browser.runtime.sendMessage(message));
    const market = marketOf(location.href);
    const venue = market?.venue ?? venueForHost(location.hostname);
    if (!venue) return;
    // First paint with cached data is the goal: settings, the snapshot and the overlay's stylesheet
    // are all asked for at once instead of one after another.
    const settingsReply = request('settings.get', {}).catch(() => DEFAULT_SETTINGS);
    const firstSnapshot = market ? request('snapshot.get', { market }) : undefined;
    firstSnapshot?.catch(() => undefined);

    const session = createOverlaySession({
      request,
      compute: computeLiquidation,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as number),
    });
    const visible = createStore(true);
    const uiLanguage = browser.i18n.getUILanguage();
    const lookOf = (s: Settings): OverlayLook => ({ ...pageLook(s, uiLanguage, matchMedia('(prefers-color-scheme: dark)').matches), windowPct: s.bandWindowPct });
    const look = createStore(lookOf(DEFAULT_SETTINGS));
    let position: Point = { x: 16, y: 128 };
    let initialExpanded = false;
    const onMove = (p: Point) => void request('overlay.position', { venue, x: p.x, y: p.y }).catch(() => undefined);

    const uiReady = createShadowRootUi(ctx, {
      name: 'liqlens-overlay',
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      // Typing in the calculator must not reach the exchange's hotkeys or input listeners.
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change'],
      onMount(container) {
        const root = document.createElement('div');
        container.append(root);
        render(
          <OverlayRoot
            look={look}
            session={session}
            compute={computeLiquidation}
            initialExpanded={initialExpanded}
            position={position}
            visible={visible}
            onMove={onMove}
          />,
          root,
        );
        return root;
      },
      onRemove(root) {
        if (root) render(null, root);
      },
    });

    const settings = await settingsReply;
    if (settings.overlaySites[venue] === false) return;
    look.set(lookOf(settings));
    initialExpanded = settings.overlayExpandedByDefault;
    const viewport = { width: innerWidth, height: innerHeight };
    const saved = settings.overlayPositions?.[venue];
    // The order form's box is read once, here, so the overlay never starts on top of the order button.
    position = saved ? clampPosition(saved, PLACEMENT_SIZE, viewport) : initialPosition(PLACEMENT_SIZE, viewport, orderFormRect(document, venue));
    session.setMarket(market, firstSnapshot);
    const ui = await uiReady;
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
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      void request('settings.get', {}).then((next) => {
        const l = lookOf(next);
        const current = look.get();
        if (l.language !== current.language || l.style !== current.style || l.theme !== current.theme || l.windowPct !== current.windowPct) look.set(l);
        if (next.overlaySites[venue] === false) visible.set(false);
      }, () => undefined);
    });

    // The page reader notices market switches inside the single-page app itself (URL check + events).
    const watch = connectPage(document, window, venue, session);
    // Re-read at once when the overlay is shown again after being hidden.
    visible.subscribe((shown) => shown && watch.refresh());

    // The keyboard command (relayed by the background) and the popup's "which market is this tab?".
    const onTabMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab || !isTabMessage(message)) return undefined;
      if (message.command === 'overlay.toggle') {
        visible.set(!visible.get());
        return Promise.resolve({ visible: visible.get() });
      }
      return Promise.resolve({ market: session.data.get().market });
    };
    browser.runtime.onMessage.addListener(onTabMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onTabMessage);
      watch.stop();
      live.close();
      session.dispose();
    });
  },
});
