import type { CommandName, Envelope, Reply, RequestOf, ResponseOf } from './protocol';

export type Transport = (message: Envelope) => Promise<unknown>;

/** The reply's error, thrown so callers can show `message` to the user. */
export class RequestFailed extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RequestFailed';
  }
}

/** Typed request to the background; the transport is runtime.sendMessage in the extension. */
export function createClient(transport: Transport) {
  return async function request<C extends CommandName>(command: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
    let reply: Reply<ResponseOf<C>> | undefined;
    try {
      reply = (await transport({ channel: 'liqlens', command, payload } as Envelope)) as Reply<ResponseOf<C>> | undefined;
    } catch (error) {
      // A killed service worker or an extension reload drops the channel: say so plainly.
      throw new RequestFailed('unreachable', `LiqLens background is not reachable (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!reply || typeof reply !== 'object') throw new RequestFailed('unreachable', 'LiqLens background sent no answer.');
    if (!reply.ok) throw new RequestFailed(reply.error.code, reply.error.message);
    return reply.data;
  };
}

export type RequestFn = ReturnType<typeof createClient>;
