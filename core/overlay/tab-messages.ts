/**
 * Messages the extension sends *to* a trading tab's content script (browser.tabs.sendMessage): the
 * background relays the keyboard command; the popup asks which market the tab shows. The same kind
 * of protocol as the background's (core/messages): each command has a request schema and a response
 * schema, the tab checks the sender first, then the envelope, then the payload, and answers through
 * a table; the asker validates the answer like any other input.
 */
import type { Market } from '../types';
import { marketSchema, type Reply } from '../messages/protocol';
import { bool, literal, nullable, object, oneOf, optional, safeParse, str, type Infer, type Schema } from '../messages/schema';
import { orderReportSchema } from './popup-order';

export const TAB_CHANNEL = 'liqlens:tab';

const empty = object({});

/** Each command's request schema, read by the tab. */
export const TAB_REQUESTS = { 'overlay.toggle': empty, 'market.get': empty, 'report.capture': empty, 'order.get': empty } as const;

/** Each command's response schema, read by the asker (kept apart: the tab never parses answers). */
export const TAB_RESPONSES = {
  'overlay.toggle': object({ visible: bool }),
  'market.get': object({ market: nullable(marketSchema) }),
  // The page copy: markup the report page parses into an inert document and redacts (entrypoints/report).
  'report.capture': nullable(object({ html: str({ max: 20_000_000 }), url: str({ max: 4000 }), market: marketSchema })),
  // The order inputs read on the page and the overlay's figure: the popup recomputes the liquidation price itself.
  'order.get': orderReportSchema,
} as const;

export type TabCommand = keyof typeof TAB_REQUESTS;
export type TabResponse<C extends TabCommand> = Infer<(typeof TAB_RESPONSES)[C]>;
export interface TabMessage<C extends TabCommand = TabCommand> {
  channel: typeof TAB_CHANNEL;
  command: C;
  payload: Record<string, never>;
}

export const tabMessage = <C extends TabCommand>(command: C): TabMessage<C> => ({ channel: TAB_CHANNEL, command, payload: {} });
export const TOGGLE_OVERLAY = tabMessage('overlay.toggle');
export const GET_TAB_MARKET = tabMessage('market.get');
/** From the popup: the order inputs the tab read, for the popup's own computation (core/overlay/popup-order.ts). */
export const GET_TAB_ORDER = tabMessage('order.get');
/** From our report page only: the page copy for a page report (core/overlay/report-capture.ts). */
export const REPORT_CAPTURE = tabMessage('report.capture');

/** The content script's one message to the background outside the command table: open the report page for my tab. */
export const REPORT_OPEN = { channel: 'liqlens:report-open' } as const;
/** The extension page that makes a page report (entrypoints/report/). */
export const REPORT_PAGE = '/report.html';

const tabEnvelope = object({ channel: literal(TAB_CHANNEL), command: oneOf(Object.keys(TAB_REQUESTS) as TabCommand[]), payload: optional((v) => v) });

/** What the tab knows about who sent a message (a subset of runtime.MessageSender). */
export interface TabSenderInfo {
  id?: string;
  /** Set when another tab's content script sent it: never one of ours to obey. */
  tab?: unknown;
  /** The sending page (our extension pages have one). */
  url?: string;
}

export type TabHandlers = { [C in TabCommand]: () => TabResponse<C> };

/**
 * The content script's listener body: undefined (no answer, so other listeners may answer) for
 * anything not from our own extension's pages or background, or not a valid tab command. The page
 * copy goes only to our own report page, known by its URL (`reportPageUrl`).
 */
export function createTabRouter(
  extensionId: string,
  handlers: TabHandlers,
  reportPageUrl = '',
): (message: unknown, sender: TabSenderInfo) => Promise<Reply<unknown>> | undefined {
  return (message, sender) => {
    if (sender.id !== extensionId) return undefined;
    const envelope = safeParse(tabEnvelope, message);
    if (!envelope.ok) return undefined;
    const command = envelope.value.command;
    const allowed = command === 'report.capture' ? reportPageUrl !== '' && !!sender.url?.startsWith(reportPageUrl) : sender.tab === undefined;
    if (!allowed) return undefined;
    if (!safeParse(TAB_REQUESTS[command], envelope.value.payload ?? {}).ok) return undefined;
    return Promise.resolve({ ok: true, data: handlers[command]() });
  };
}

/** The tab's answer to a command, validated by the asker: null when it is missing or malformed. */
export function parseTabReply<C extends TabCommand>(command: C, reply: unknown): TabResponse<C> | null {
  const shape = safeParse(object({ ok: literal(true), data: (v) => v }), reply);
  if (!shape.ok) return null;
  const data = safeParse(TAB_RESPONSES[command] as Schema<TabResponse<C>>, shape.value.data);
  return data.ok ? data.value : null;
}

/** The market a tab reports, or null. */
export const parseTabMarket = (reply: unknown): Market | null => parseTabReply('market.get', reply)?.market ?? null;

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
