import { describe, expect, it } from 'vitest';
import { clampPosition, initialPosition, nudge, overlapArea } from '@/core/overlay/position';

const view = { width: 1440, height: 900 };
const size = { width: 304, height: 240 };

describe('overlay position', () => {
  it('clamps a dragged position inside the viewport with a margin', () => {
    expect(clampPosition({ x: -50, y: 2000 }, size, view)).toEqual({ x: 8, y: 900 - 240 - 8 });
    expect(clampPosition({ x: 5000, y: -3 }, size, view)).toEqual({ x: 1440 - 304 - 8, y: 8 });
    expect(clampPosition({ x: 100.4, y: 200.6 }, size, view)).toEqual({ x: 100, y: 201 });
  });
  it('keeps the grab corner reachable when the overlay is larger than the window', () => {
    expect(clampPosition({ x: 300, y: 300 }, size, { width: 200, height: 150 })).toEqual({ x: 8, y: 8 });
  });
  it('replaces non-finite positions', () => {
    expect(clampPosition({ x: Number.NaN, y: Number.POSITIVE_INFINITY }, size, view)).toEqual({ x: 8, y: 8 });
  });
  it('starts top-left under the header and market bar, away from an order form on the right', () => {
    const form = { x: 1100, y: 100, width: 320, height: 700 };
    const p = initialPosition(size, view, form);
    expect(overlapArea({ ...p, ...size }, form)).toBe(0);
    expect(p).toEqual({ x: 16, y: 128 });
  });
  it('goes below a form that sits top-left', () => {
    const form = { x: 0, y: 0, width: 400, height: 400 };
    const p = initialPosition(size, view, form);
    expect(overlapArea({ ...p, ...size }, form)).toBe(0);
    expect(p).toEqual({ x: 16, y: 900 - 240 - 16 });
  });
  it('moves to another corner when the form is on the left', () => {
    const form = { x: 0, y: 300, width: 360, height: 600 };
    const p = initialPosition(size, view, form);
    expect(overlapArea({ ...p, ...size }, form)).toBe(0);
  });
  it('goes beside a form that touches every corner, covering as little as possible', () => {
    const form = { x: 200, y: 0, width: 1000, height: 900 };
    const p = initialPosition(size, { width: 1600, height: 900 }, form);
    expect(overlapArea({ ...p, ...size }, form)).toBe(0);
    expect(p.x).toBeGreaterThanOrEqual(1200);
  });
  it('moves by keyboard: arrows 10 px, with Shift 50 px', () => {
    expect(nudge({ x: 100, y: 100 }, 'ArrowLeft', false)).toEqual({ x: 90, y: 100 });
    expect(nudge({ x: 100, y: 100 }, 'ArrowDown', true)).toEqual({ x: 100, y: 150 });
    expect(nudge({ x: 100, y: 100 }, 'Enter', false)).toBeNull();
  });
});
