/**
 * One polite announcement for screen readers, said once the trader stops typing: each priced side
 * hands in its sentence (liquidation price and distance, plus a cascade warning when there is one);
 * the joined text is emitted `delayMs` after the last change, and never twice in a row, so a
 * warning that holds while the trader types is not repeated on every keystroke.
 */
export const ANNOUNCE_DELAY_MS = 1000;

export interface Announcer {
  /** A side's sentence, or null when the side is gone. */
  set(key: string, text: string | null): void;
  dispose(): void;
}

export function createAnnouncer(
  emit: (text: string) => void,
  timers: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void; now?: () => number },
  delayMs = ANNOUNCE_DELAY_MS,
): Announcer {
  const texts = new Map<string, string>();
  const now = timers.now ?? (() => Date.now());
  let timer: unknown = null;
  let changedAt = 0;
  let last = '';
  // One timer per pause, re-armed for the rest of it: a keystroke costs no clearTimeout/setTimeout pair.
  const fire = () => {
    const wait = changedAt + delayMs - now();
    if (wait > 0) {
      timer = timers.setTimeout(fire, wait);
      return;
    }
    timer = null;
    const text = [...texts.values()].join(' ');
    if (!text || text === last) return;
    last = text;
    emit(text);
  };
  return {
    set(key, text) {
      if ((texts.get(key) ?? null) === text) return;
      if (text === null) texts.delete(key);
      else texts.set(key, text);
      changedAt = now();
      if (timer === null) timer = timers.setTimeout(fire, delayMs);
    },
    dispose() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
