import { COMMANDS, envelopeSchema, type CommandName, type ErrorCode, type Reply, type RequestOf, type ResponseOf, type SenderKind } from './protocol';
import { SchemaError, safeParse } from './schema';

/** What the background knows about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
}

export type Handler<C extends CommandName> = (payload: RequestOf<C>, sender: { kind: SenderKind; info: SenderInfo }) => Promise<ResponseOf<C>>;
export type HandlerTable = { [C in CommandName]: Handler<C> };

export interface RouterOptions {
  /** Our own extension id: messages from anything else are refused before they are read. */
  extensionId: string;
  /** Our own pages' origin, e.g. chrome-extension://<id>. */
  extensionOrigin: string;
  /** True when the URL is a supported trading page (the content script's only home). */
  isTradingPage: (url: string) => boolean;
  handlers: HandlerTable;
  onError?: (command: string, error: unknown) => void;
}

/** A failure the handler wants shown to the user as is (source down, key rejected…). */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'source-error',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function classifySender(info: SenderInfo, options: Pick<RouterOptions, 'extensionId' | 'extensionOrigin' | 'isTradingPage'>): SenderKind | null {
  if (info.id !== options.extensionId || typeof info.url !== 'string') return null;
  if (info.url.startsWith(`${options.extensionOrigin}/`)) return 'extension';
  if (info.tabId !== undefined && options.isTradingPage(info.url)) return 'content';
  return null;
}

const fail = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/** Validates sender, then envelope, then payload, and dispatches; never throws. */
export function createRouter(options: RouterOptions): (message: unknown, sender: SenderInfo) => Promise<Reply<unknown>> {
  return async (message, info) => {
    const kind = classifySender(info, options);
    if (!kind) return fail('bad-sender', 'Message refused: it does not come from LiqLens on a supported page.');
    const envelope = safeParse(envelopeSchema, message);
    if (!envelope.ok) return fail('bad-message', `Malformed message: ${envelope.error.message}`);
    const name = envelope.value.command;
    if (!Object.hasOwn(COMMANDS, name)) return fail('unknown-command', `Unknown command "${name.slice(0, 40)}".`);
    const command = COMMANDS[name as CommandName];
    if (!(command.from as readonly SenderKind[]).includes(kind)) return fail('forbidden', `"${name}" may not be sent from a web page.`);
    const payload = safeParse(command.request as (v: unknown, p: string) => unknown, envelope.value.payload ?? {});
    if (!payload.ok) return fail('bad-message', `Invalid "${name}" payload: ${payload.error.message}`);
    try {
      const handler = options.handlers[name as CommandName] as (p: unknown, s: { kind: SenderKind; info: SenderInfo }) => Promise<unknown>;
      return { ok: true, data: await handler(payload.value, { kind, info }) };
    } catch (error) {
      options.onError?.(name, error);
      if (error instanceof UserFacingError) return fail(error.code, error.message);
      if (error instanceof SchemaError) return fail('source-error', `Unexpected data: ${error.message}`);
      return fail('internal', `LiqLens could not complete "${name}". Details are in the extension's console.`);
    }
  };
}
