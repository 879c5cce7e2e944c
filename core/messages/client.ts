import type { CommandName, Envelope, Reply, RequestOf, ResponseOf } from './protocol';

export type Transport = (message: Envelope) => Promise<unknown>;

/** The reply's error, thrown so callers can show `message` to the user. */
export class RequestFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestFailed';
  }
}

/** The wire form of a request: what runtime.sendMessage carries. */
export function envelope<C extends CommandName>(command: C, payload: RequestOf<C>): Envelope {
  return { channel: 'liqlens', command, payload } as Envelope;
}

/** Runs a send now; a send that throws at once (extension context gone) becomes a rejected reply. */
export function sendNow(send: () => Promise<unknown>): Promise<unknown> {
  try {
    return send();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A sent request's reply, checked: the data, or a RequestFailed that says what went wrong. */
export async function readReply<T>(sent: Promise<unknown>): Promise<T> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await sent) as Reply<T> | undefined;
  } catch (error) {
    // A killed service worker or an extension reload drops the channel: say so plainly.
    throw new RequestFailed('unreachable', `LiqLens background is not reachable (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!reply || typeof reply !== 'object') throw new RequestFailed('unreachable', 'LiqLens background sent no answer.');
  if (!reply.ok) throw new RequestFailed(reply.error.code, reply.error.message);
  return reply.data;
}

/** Typed request to the background; the transport is runtime.sendMessage in the extension. */
export function createClient(transport: Transport) {
  return function request<C extends CommandName>(command: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
    return readReply<ResponseOf<C>>(sendNow(() => transport(envelope(command, payload))));
  };
}

export type RequestFn = ReturnType<typeof createClient>;
