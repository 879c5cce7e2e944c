import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, rearmed, step, type AlertState } from '@/core/alerts/machine';
import type { Evaluation } from '@/core/alerts/conditions';

const MIN = 60_000;
const met: Evaluation = { state: 'met', detail: { kind: 'cascade', usd: 12e6, minutes: 5 } };
const clear: Evaluation = { state: 'clear' };
const hold: Evaluation = { state: 'hold' };
const unknown: Evaluation = { state: 'unknown', reason: 'Binance mark price: 429 rate limited' };

/** Runs a sequence of one-minute checks and returns the minutes at which it fired. */
function run(evals: Evaluation[], cooldownMinutes: number, start: AlertState = INITIAL_STATE) {
  let state = start;
  const fired: number[] = [];
  evals.forEach((e, i) => {
    const r = step(state, e, i * MIN, cooldownMinutes);
    state = r.state;
    if (r.fire) fired.push(i);
  });
  return { fired, state };
}

describe('alert state machine', () => {
  it('fires once while the condition holds, and again only after it clears', () => {
    expect(run([met, met, met, clear, met, met], 1).fired).toEqual([0, 4]);
  });
  it('does not re-arm on a wobble inside the margin', () => {
    expect(run([met, hold, met, hold, met], 1).fired).toEqual([0]);
  });
  it('keeps the cooldown even when the condition clears and returns', () => {
    // Cleared at 1, back at 2: still inside the 5-minute cooldown, fires at 5 when it ends.
    expect(run([met, clear, met, met, met, met, met], 5).fired).toEqual([0, 5]);
  });
  it('never fires on an unknown check, and says since when it could not check', () => {
    const r = run([clear, unknown, unknown], 1);
    expect(r.fired).toEqual([]);
    expect(r.state.lastCheckedAt).toBe(0);
    expect(r.state.problem).toEqual({ at: 2 * MIN, reason: 'Binance mark price: 429 rate limited' });
    const after = step(r.state, met, 3 * MIN, 1);
    expect(after.fire).not.toBeNull();
    expect(after.state.problem).toBeNull();
  });
  it('an unknown check neither arms nor disarms', () => {
    expect(run([met, unknown, met], 1).fired).toEqual([0]);
  });
  it('switching a rule on again re-arms it but keeps the cooldown', () => {
    const fired = run([met], 30).state;
    const again = rearmed(fired);
    expect(again.armed).toBe(true);
    expect(step(again, met, 10 * MIN, 30).fire).toBeNull();
    expect(step(again, met, 30 * MIN, 30).fire).not.toBeNull();
  });
});
