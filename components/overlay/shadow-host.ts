/**
 * The overlay's host element on the trading page: `<{name}>` with a shadow root holding the
 * overlay's stylesheet (passed in as text, so nothing is fetched and no extension file has to be
 * web-accessible) and a container to render into.
 *
 * What the page can and cannot do to it:
 * - the root is `closed` in production builds: page scripts get `null` from `host.shadowRoot` and
 *   cannot read or rewrite the overlay (only the E2E build opens it, for Playwright);
 * - events the page synthesizes (`isTrusted` false) stop at the shadow root before any control
 *   sees them (`refuseUntrusted`);
 * - events the overlay must keep from the page (typing into the calculator must not reach the
 *   exchange's hotkeys) stop at the shadow root (`isolateEvents`). The page's capture-phase
 *   listeners on window/document run before any listener of ours can: see README "What it may touch";
 * - a host the page removes is put back (a page that keeps removing it wins after MAX_REMOUNTS);
 * - it is shown in the top layer (`popover="manual"`), above anything the page stacks, where the
 *   browser has the Popover API; elsewhere it stays a plain last child of the body.
 */
export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  /** Appends the host as the body's last child and keeps it there until remove(). */
  mount(): void;
  remove(): void;
}

export interface ShadowHostOptions {
  name: string;
  css: string;
  isolateEvents: readonly string[];
  /** 'closed' in production; 'open' only where tests must reach in (default 'closed'). */
  mode?: ShadowRootMode;
  /** Event types that never reach the overlay's controls unless the browser made them (isTrusted). */
  refuseUntrusted?: readonly string[];
}

/** Event types a page could synthesize to drive the overlay's controls: refused unless the browser made them. */
export const UNTRUSTED_REFUSED = [
  'click',
  'pointerdown',
  'pointermove',
  'pointerup',
  'mousedown',
  'keydown',
  'keyup',
  'input',
  'change',
  'submit',
  'wheel',
  'pointercancel',
] as const;

/** How many times a removed host is put back before the page is left to have its way. */
export const MAX_REMOUNTS = 20;

/** The page's inherited styles stop at the host; `:root` in the shared stylesheet means the host here. */
export const shadowCss = (css: string) => `:host{all:initial !important;}\n${css.replaceAll(':root', ':host')}`;

export function createShadowHost(doc: Document, options: ShadowHostOptions): ShadowHost {
  const host = doc.createElement(options.name);
  const shadow = host.attachShadow({ mode: options.mode ?? 'closed' });
  const style = doc.createElement('style');
  style.textContent = shadowCss(options.css);
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of options.refuseUntrusted ?? []) {
    shadow.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      true,
    );
  }
  for (const type of options.isolateEvents) shadow.addEventListener(type, (event) => event.stopPropagation());
  // A zero-size anchor: the overlay itself is position: fixed and never moves the page's layout.
  Object.assign(host.style, { overflow: 'visible', position: 'relative', width: '0', height: '0', display: 'block' });
  Object.assign(container.style, { position: 'absolute', top: '0', left: '0' });
  host.setAttribute('popover', 'manual');

  let observer: MutationObserver | null = null;
  let remounts = 0;
  const place = () => {
    (doc.body ?? doc.documentElement).append(host);
    try {
      (host as HTMLElement & { showPopover?: () => void }).showPopover?.();
    } catch {
      // No top layer here (or not allowed now): the host stays an ordinary last child.
    }
  };
  return {
    host,
    shadow,
    container,
    mount: () => {
      place();
      if (observer || typeof MutationObserver === 'undefined') return;
      // Only the body's and the root's own children: the page's deep mutations are not observed.
      observer = new MutationObserver(() => {
        if (host.isConnected) return;
        if (++remounts > MAX_REMOUNTS) return observer?.disconnect();
        place();
      });
      observer.observe(doc.documentElement, { childList: true });
      if (doc.body) observer.observe(doc.body, { childList: true });
    },
    remove: () => {
      observer?.disconnect();
      observer = null;
      host.remove();
    },
  };
}
