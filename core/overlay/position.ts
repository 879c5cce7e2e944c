/**
 * Where the overlay sits. It starts in a corner clear of the order form (its box read from the page,
 * or kept from the last visit at this window size and checked after the first frame), and after a
 * drag it stays where the trader put it, clamped so that it can always be grabbed again after the
 * window shrinks.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export const EDGE_MARGIN = 8;

/** Keeps the whole overlay inside the viewport when it fits, and its top-left grab area otherwise. */
export function clampPosition(pos: Point, size: Size, viewport: Size, margin = EDGE_MARGIN): Point {
  const maxX = Math.max(margin, viewport.width - size.width - margin);
  const maxY = Math.max(margin, viewport.height - size.height - margin);
  const x = Number.isFinite(pos.x) ? pos.x : margin;
  const y = Number.isFinite(pos.y) ? pos.y : margin;
  return { x: Math.round(Math.min(Math.max(x, margin), maxX)), y: Math.round(Math.min(Math.max(y, margin), maxY)) };
}

export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * First placement: the corner candidates in order of preference (top-left under the venue's
 * header and market bar first: the overlay grows downwards, and venues put the order panel on the right),
 * taking the first that does not touch the avoided box, else the one covering the least of it.
 */
export function initialPosition(size: Size, viewport: Size, avoid: Rect | null, margin = 16): Point {
  const right = viewport.width - size.width - margin;
  const bottom = viewport.height - size.height - margin;
  // Below the venue's header and market bar (symbol, price, 24h stats), over the chart.
  const top = Math.min(margin + 112, Math.max(margin, viewport.height - size.height - margin));
  const candidates: Point[] = [
    { x: margin, y: top },
    { x: margin, y: bottom },
    { x: right, y: top },
    { x: right, y: bottom },
  ].map((p) => clampPosition(p, size, viewport));
  if (!avoid || avoid.width <= 0 || avoid.height <= 0) return candidates[0]!;
  let best = candidates[0]!;
  let bestArea = Infinity;
  for (const c of candidates) {
    const area = overlapArea({ ...c, ...size }, avoid);
    if (area === 0) return c;
    if (area < bestArea) {
      best = c;
      bestArea = area;
    }
  }
  // Every corner overlaps: put the overlay beside the box, on the side with more room.
  const leftRoom = avoid.x;
  const rightRoom = viewport.width - (avoid.x + avoid.width);
  const beside = leftRoom >= rightRoom ? { x: avoid.x - size.width - margin, y: best.y } : { x: avoid.x + avoid.width + margin, y: best.y };
  const clamped = clampPosition(beside, size, viewport);
  return overlapArea({ ...clamped, ...size }, avoid) < bestArea ? clamped : best;
}

/**
 * The order form's box as last read on this venue's page, with the window size it was read at.
 * The first placement uses it instead of reading the page before the first frame; the page is
 * read after that frame and the box kept again when it moved.
 */
export interface FormBox {
  viewport: Size;
  box: Rect;
}

/** Whole pixels: sub-pixel layout differs between loads and must not count as a move. */
export function formBoxOf(viewport: Size, box: Rect): FormBox {
  const r = Math.round;
  return { viewport: { width: r(viewport.width), height: r(viewport.height) }, box: { x: r(box.x), y: r(box.y), width: r(box.width), height: r(box.height) } };
}

/** The kept box when it was read at this very window size (another size lays the page out anew). */
export function keptFormBox(kept: FormBox | undefined, viewport: Size): Rect | null {
  const atThisSize = kept?.viewport.width === Math.round(viewport.width) && kept.viewport.height === Math.round(viewport.height);
  return atThisSize ? kept.box : null;
}

/** Keyboard moves for the drag handle: arrows by 10 px, with Shift by 50 px. */
export function nudge(pos: Point, key: string, shift: boolean): Point | null {
  const step = shift ? 50 : 10;
  switch (key) {
    case 'ArrowLeft':
      return { x: pos.x - step, y: pos.y };
    case 'ArrowRight':
      return { x: pos.x + step, y: pos.y };
    case 'ArrowUp':
      return { x: pos.x, y: pos.y - step };
    case 'ArrowDown':
      return { x: pos.x, y: pos.y + step };
    default:
      return null;
  }
}
