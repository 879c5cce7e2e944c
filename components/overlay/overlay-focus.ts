/**
 * Keyboard focus between the trading page and the overlay. The shortcut moves focus into the
 * overlay (it is the page's last Tab stop otherwise); Esc, "Hide overlay" and the shortcut again
 * give it back to the page element the trader was on, so focus never drops to the top of the page.
 * Only focus() is called on that element: nothing on the page is read or written.
 */
import type { Store } from '../shared/use-store';

export interface OverlayFocus {
  /** The overlay's root element (tabindex -1), or null when unmounted. */
  attach(root: HTMLElement | null): void;
  /** The element focus came from when it entered the overlay. */
  cameFrom(element: EventTarget | null): void;
  /** The keyboard shortcut: show and focus, or give focus back and hide when it is already inside. Returns whether the overlay shows. */
  shortcut(): boolean;
  /** Called once the overlay shows after shortcut(): focus moves in. */
  shown(): void;
  /** "Hide overlay": focus back to the page first, then hide. */
  hide(): void;
  /** Esc in the compact view: focus back to the page, the overlay stays. Whether focus moved. */
  leave(): boolean;
}

export function createOverlayFocus(doc: Pick<Document, 'activeElement' | 'body'>, visible: Store<boolean>): OverlayFocus {
  let root: HTMLElement | null = null;
  let previous: HTMLElement | null = null;
  let focusOnShow = false;
  const inside = () => {
    const shadow = root?.getRootNode() as (Node & { activeElement?: Element | null }) | undefined;
    return !!root && !!shadow?.activeElement && root.contains(shadow.activeElement);
  };
  const remember = (el: unknown) => {
    if (!el || el === doc.body || !(typeof (el as HTMLElement).focus === 'function')) return;
    if (root && (el === (root.getRootNode() as ShadowRoot).host || root.contains(el as Node))) return;
    previous = el as HTMLElement;
  };
  const giveBack = (): boolean => {
    const el = previous;
    if (!el?.isConnected) return false;
    el.focus({ preventScroll: true });
    return true;
  };
  const focusRoot = () => root?.focus({ preventScroll: true });
  return {
    attach(el) {
      root = el;
    },
    cameFrom: remember,
    shortcut() {
      if (!visible.get()) {
        remember(doc.activeElement);
        focusOnShow = true;
        visible.set(true);
      } else if (inside()) {
        giveBack();
        visible.set(false);
      } else {
        remember(doc.activeElement);
        focusRoot();
      }
      return visible.get();
    },
    shown() {
      if (!focusOnShow) return;
      focusOnShow = false;
      focusRoot();
    },
    hide() {
      if (inside()) giveBack();
      visible.set(false);
    },
    leave: giveBack,
  };
}
