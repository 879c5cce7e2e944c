import type { VenueId } from '../types';
import type { Timers } from '../net/clock';
import type { LiquidationStream, StreamContext } from './stream-types';
import type { LiquidationEvent } from './types';

/** The part of WebSocket the manager uses; injected so tests pass a fake. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code?: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type OpenSocket = (url: string) => SocketLike;

export type StreamState = 'idle' | 'connecting' | 'open' | 'waiting';
export interface StreamStatus {
  venue: VenueId;
  state: StreamState;
  attempt: number;
  lastMessageAt: number | null;
  lastError: string | null;
  rejected: number;
}

export interface StreamManagerDeps {
  streams: LiquidationStream[];
  openSocket: OpenSocket;
  timers: Timers;
  now: () => number;
  random?: () => number;
  /** Contract facts for a venue's parser. */
  context: (venue: VenueId) => StreamContext;
  onEvents: (events: LiquidationEvent[]) => void;
  /** Any traffic on a venue's stream (keepalive answers too): used to mark its coverage as continuous. */
  onTraffic?: (venue: VenueId) => void;
  /** Venue ids to subscribe for streams that are per symbol (Bybit). */
  symbols?: (stream: LiquidationStream) => string[];
  /** Silence after which a connection is presumed dead and replaced. */
  idleTimeoutMs?: number;
  /** Grace period after the last holder leaves, so moving between pages does not reconnect. */
  lingerMs?: number;
  /** Whether the user has this venue switched on (settings.keylessVenues); default all. */
  isEnabled?: (venue: VenueId) => boolean;
}

export const BACKOFF = { baseMs: 1000, maxMs: 60_000 };

/** Exponential back-off with jitter: attempt n waits in [½, 1] × min(max, base·2ⁿ). */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs the realized-liquidation WebSockets while something holds them (a trading page's or the
 * popup's live port), reconnects with back-off, sends each venue's keepalive, and closes
 * everything when the last holder leaves.
 */
export function createStreamManager(deps: StreamManagerDeps) {
  const random = deps.random ?? Math.random;
  const idleTimeoutMs = deps.idleTimeoutMs ?? 90_000;
  const lingerMs = deps.lingerMs ?? 15_000;
  let holders = 0;
  let running = false;
  let lingerTimer: unknown = null;

  interface Conn {
    stream: LiquidationStream;
    socket: SocketLike | null;
    status: StreamStatus;
    keepalive: unknown;
    watchdog: unknown;
    retry: unknown;
    subscribed: Set<string>;
  }
  const conns = new Map<VenueId, Conn>();
  for (const stream of deps.streams) {
    conns.set(stream.venue, {
      stream,
      socket: null,
      keepalive: null,
      watchdog: null,
      retry: null,
      subscribed: new Set(),
      status: { venue: stream.venue, state: 'idle', attempt: 0, lastMessageAt: null, lastError: null, rejected: 0 },
    });
  }

  const symbolsFor = (stream: LiquidationStream) => [...new Set([...stream.defaultSymbols, ...(deps.symbols?.(stream) ?? [])])];

  function clearTimers(c: Conn) {
    if (c.keepalive !== null) deps.timers.clearInterval(c.keepalive);
    if (c.watchdog !== null) deps.timers.clearTimeout(c.watchdog);
    if (c.retry !== null) deps.timers.clearTimeout(c.retry);
    c.keepalive = c.watchdog = c.retry = null;
  }

  function armWatchdog(c: Conn, socket: SocketLike) {
    if (c.watchdog !== null) deps.timers.clearTimeout(c.watchdog);
    c.watchdog = deps.timers.setTimeout(() => {
      c.status.lastError = `no data for ${Math.round(idleTimeoutMs / 1000)} s`;
      socket.close(4000, 'idle');
      // Some sockets never fire onclose after close() on a dead link: reconnect ourselves.
      if (c.socket === socket) dropped(c, socket);
    }, idleTimeoutMs);
  }

  const enabled = (c: Conn) => deps.isEnabled?.(c.stream.venue) ?? true;

  function connect(c: Conn) {
    if (!running || !enabled(c)) {
      c.status.state = 'idle';
      return;
    }
    c.status.state = 'connecting';
    let socket: SocketLike;
    try {
      socket = deps.openSocket(c.stream.url);
    } catch (error) {
      c.status.lastError = error instanceof Error ? error.message : 'could not open';
      scheduleRetry(c);
      return;
    }
    c.socket = socket;
    socket.onopen = () => {
      if (c.socket !== socket) return;
      c.status.state = 'open';
      c.subscribed = new Set(symbolsFor(c.stream));
      for (const message of c.stream.subscribe([...c.subscribed])) socket.send(message);
      const ka = c.stream.keepalive;
      if (ka) c.keepalive = deps.timers.setInterval(() => socket.readyState === 1 && socket.send(ka.message), ka.everyMs);
      armWatchdog(c, socket);
    };
    socket.onmessage = (ev) => {
      if (c.socket !== socket) return;
      c.status.lastMessageAt = deps.now();
      c.status.attempt = 0;
      armWatchdog(c, socket);
      deps.onTraffic?.(c.stream.venue);
      const handle = (text: string) => {
        const answer = c.stream.reply?.(text);
        if (answer && socket.readyState === 1) socket.send(answer);
        const { events, rejected } = c.stream.parse(text, deps.context(c.stream.venue));
        c.status.rejected += rejected;
        if (events.length) deps.onEvents(events);
      };
      if (typeof ev.data === 'string') return handle(ev.data);
      if (!c.stream.decode) {
        c.status.rejected++;
        return;
      }
      c.stream
        .decode(ev.data)
        .then((text) => (text === null ? c.status.rejected++ : handle(text)))
        .catch(() => c.status.rejected++);
    };
    socket.onerror = () => {
      if (c.socket === socket) c.status.lastError = 'connection error';
    };
    socket.onclose = (ev) => {
      if (c.socket !== socket) return;
      if (ev?.reason) c.status.lastError = `closed: ${String(ev.reason).slice(0, 100)}`;
      dropped(c, socket);
    };
  }

  function dropped(c: Conn, socket: SocketLike) {
    if (c.socket !== socket) return;
    c.socket = null;
    clearTimers(c);
    if (running) scheduleRetry(c);
    else c.status.state = 'idle';
  }

  function scheduleRetry(c: Conn) {
    c.status.state = 'waiting';
    const delay = backoffDelay(c.status.attempt, random);
    c.status.attempt++;
    c.retry = deps.timers.setTimeout(() => {
      c.retry = null;
      connect(c);
    }, delay);
  }

  function start() {
    if (running) return;
    running = true;
    for (const c of conns.values()) connect(c);
  }

  function disconnect(c: Conn) {
    clearTimers(c);
    const s = c.socket;
    c.socket = null;
    c.status.state = 'idle';
    c.status.attempt = 0;
    s?.close(1000, 'not needed');
  }

  function stop() {
    running = false;
    for (const c of conns.values()) disconnect(c);
  }

  return {
    /** Holds the streams open until the returned release is called (once). */
    acquire(): () => void {
      holders++;
      if (lingerTimer !== null) {
        deps.timers.clearTimeout(lingerTimer);
        lingerTimer = null;
      }
      start();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) {
          lingerTimer = deps.timers.setTimeout(() => {
            lingerTimer = null;
            if (holders === 0) stop();
          }, lingerMs);
        }
      };
    },
    /** Subscribes open per-symbol streams to newly watched markets. */
    refreshSubscriptions() {
      for (const c of conns.values()) {
        if (c.status.state !== 'open' || !c.socket) continue;
        const wanted = symbolsFor(c.stream).filter((s) => !c.subscribed.has(s));
        if (!wanted.length) continue;
        for (const s of wanted) c.subscribed.add(s);
        for (const message of c.stream.subscribe(wanted)) c.socket.send(message);
      }
    },
    /** After a settings change: closes streams of venues switched off, opens those switched on. */
    reconcile() {
      if (!running) return;
      for (const c of conns.values()) {
        if (!enabled(c)) disconnect(c);
        else if (c.socket === null && c.retry === null) connect(c);
      }
    },
    isRunning: () => running,
    holders: () => holders,
    status: (): StreamStatus[] => [...conns.values()].map((c) => ({ ...c.status })),
    stop,
  };
}

export type StreamManager = ReturnType<typeof createStreamManager>;
