import type { Market } from '../types';
import { marketSchema } from '../messages/protocol';
import { object, safeParse } from '../messages/schema';
import type { StreamManager } from '../realized/stream-manager';

/** The part of runtime.Port the live subscription uses. */
export interface PortLike {
  name: string;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

const watchMessage = object({ market: marketSchema });

/**
 * A trading page's or the popup's live port: while it is open the liquidation streams run.
 * The port may say which market it shows ({market}), which adds per-symbol subscriptions.
 */
export function createLivePorts(streams: StreamManager, onWatch: (market: Market) => void) {
  // What each open port shows; a closed port's market is forgotten.
  const watched = new Map<PortLike, Market>();
  return {
    accept(port: PortLike) {
      const release = streams.acquire();
      port.onMessage.addListener((message) => {
        const parsed = safeParse(watchMessage, message);
        if (!parsed.ok) return; // hostile or malformed: ignored, the port stays
        watched.set(port, parsed.value.market);
        onWatch(parsed.value.market);
        streams.refreshSubscriptions();
      });
      port.onDisconnect.addListener(() => {
        watched.delete(port);
        release();
      });
    },
    watched: () => [...watched.values()],
  };
}
