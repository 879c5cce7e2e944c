/**
 * Messages the extension sends *to* a trading tab's content script (browser.tabs.sendMessage).
 * The background relays the keyboard command; the popup asks which market the tab shows. The
 * content script answers only these, only from our own extension (checked by the caller).
 */
import type { Market } from '../types';
import { isVenueId } from '../venues/registry';

export const TAB_CHANNEL = 'liqlens:tab';

export type TabMessage =
  | { channel: typeof TAB_CHANNEL; command: 'overlay.toggle' }
  | { channel: typeof TAB_CHANNEL; command: 'market.get' }
  /** From our report page only: the page copy for a page report (core/overlay/report-capture.ts). */
  | { channel: typeof TAB_CHANNEL; command: 'report.capture' };

export const TOGGLE_OVERLAY: TabMessage = { channel: TAB_CHANNEL, command: 'overlay.toggle' };
export const GET_TAB_MARKET: TabMessage = { channel: TAB_CHANNEL, command: 'market.get' };
export const REPORT_CAPTURE: TabMessage = { channel: TAB_CHANNEL, command: 'report.capture' };

/** The content script's one message to the background outside the command table: open the report page for my tab. */
export const REPORT_OPEN = { channel: 'liqlens:report-open' } as const;
/** The extension page that makes a page report (entrypoints/report/). */
export const REPORT_PAGE = '/report.html';

export function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.channel === TAB_CHANNEL && (v.command === 'overlay.toggle' || v.command === 'market.get' || v.command === 'report.capture');
}

/** The content script's answer to market.get; validated by the popup like any other input. */
export function parseTabMarket(value: unknown): Market | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = (value as { market?: unknown }).market;
  if (typeof m !== 'object' || m === null) return null;
  const { venue, symbol } = m as Record<string, unknown>;
  if (!isVenueId(venue) || typeof symbol !== 'string' || !/^[A-Z0-9]{1,20}\/[A-Z0-9]{2,10}:[A-Z0-9]{1,20}$/.test(symbol)) return null;
  return { venue, symbol };
}

/** The manifest command that shows or hides the overlay (wxt.config.ts `commands`). */
export const TOGGLE_COMMAND = 'toggle-overlay';

/**
 * The background's commands.onCommand listener: relays the keyboard shortcut to the tab it was
 * pressed in. Needs no `tabs` permission (tab ids are always given); a tab without our overlay
 * simply has no receiver, which is not an error.
 */
export function toggleOverlayRelay(
  sendToTab: (tabId: number, message: TabMessage) => Promise<unknown>,
  activeTabId: () => Promise<number | undefined>,
): (command: string, tab?: { id?: number }) => Promise<void> {
  return async (command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    const id = tab?.id ?? (await activeTabId().catch(() => undefined));
    if (id === undefined || id < 0) return;
    await sendToTab(id, TOGGLE_OVERLAY).catch(() => undefined);
  };
}
