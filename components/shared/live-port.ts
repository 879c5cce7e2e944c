/**
 * Keeps the background's live liquidation streams running while this page (overlay or popup) is
 * open, and tells it which market is on screen. When the service worker is killed the port drops;
 * it is reopened after a pause, and the market said again.
 */
import type { Market } from '@/core/types';

export interface PortHandle {
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(fn: () => void): void };
}

export interface LivePort {
  watch(market: Market | null): void;
  close(): void;
}

export function createLivePort(connect: () => PortHandle, setTimer: (fn: () => void, ms: number) => unknown, retryMs = 2000): LivePort {
  let port: PortHandle | null = null;
  let market: Market | null = null;
  let closed = false;
  const open = () => {
    if (closed) return;
    try {
      const p = connect();
      port = p;
      p.onDisconnect.addListener(() => {
        if (port === p) port = null;
        setTimer(open, retryMs);
      });
      if (market) p.postMessage({ market });
    } catch {
      // Extension reloaded: this content script is orphaned and will be torn down.
      port = null;
    }
  };
  open();
  return {
    watch(next) {
      if (next && market && next.venue === market.venue && next.symbol === market.symbol) return;
      market = next;
      if (next && port) port.postMessage({ market: next });
    },
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}
