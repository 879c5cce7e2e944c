/**
 * The overlay's host element on the trading page: `<{name}>` with an open shadow root holding the
 * overlay's stylesheet (passed in as text, so nothing is fetched and no extension file has to be
 * web-accessible) and a container to render into. Events the overlay must keep from the page
 * (typing into the calculator must not reach the exchange's hotkeys) stop at the shadow root.
 */
export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  /** Appends the host as the body's last child (again, if the page removed it). */
  mount(): void;
  remove(): void;
}

export interface ShadowHostOptions {
  name: string;
  css: string;
  isolateEvents: readonly string[];
}

/** The page's inherited styles stop at the host; `:root` in the shared stylesheet means the host here. */
export const shadowCss = (css: string) => `:host{all:initial !important;}\n${css.replaceAll(':root', ':host')}`;

export function createShadowHost(doc: Document, options: ShadowHostOptions): ShadowHost {
  const host = doc.createElement(options.name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = shadowCss(options.css);
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of options.isolateEvents) shadow.addEventListener(type, (event) => event.stopPropagation());
  // A zero-size anchor: the overlay itself is position: fixed and never moves the page's layout.
  Object.assign(host.style, { overflow: 'visible', position: 'relative', width: '0', height: '0', display: 'block' });
  Object.assign(container.style, { position: 'absolute', top: '0', left: '0' });
  return {
    host,
    shadow,
    container,
    mount: () => (doc.body ?? doc.documentElement).append(host),
    remove: () => host.remove(),
  };
}
