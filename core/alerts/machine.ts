/**
 * One alert's life between checks: armed → fired (quiet while the condition holds) → re-armed
 * when it clears, and never two notifications within the cooldown. The state is plain data kept
 * in storage.local, so a killed worker or a browser restart resumes where it was.
 */
import { bool, nullable, num, object, str, type Schema } from '../messages/schema';
import type { Evaluation, MetDetail } from './conditions';

export interface AlertState {
  /** True when the next `met` may notify (false from firing until the condition clears). */
  armed: boolean;
  lastFiredAt: number | null;
  /** The last check that could evaluate the condition. */
  lastCheckedAt: number | null;
  /** Why the latest check could not evaluate it (cleared by the next one that could). */
  problem: { at: number; reason: string } | null;
}

export const INITIAL_STATE: AlertState = { armed: true, lastFiredAt: null, lastCheckedAt: null, problem: null };

export const alertStateSchema: Schema<AlertState> = object({
  armed: bool,
  lastFiredAt: nullable(num({ min: 0 })),
  lastCheckedAt: nullable(num({ min: 0 })),
  problem: nullable(object({ at: num({ min: 0 }), reason: str({ max: 300 }) })),
});

export interface Step {
  state: AlertState;
  /** Set when this check notifies. */
  fire: MetDetail | null;
}

export function step(state: AlertState, evaluation: Evaluation, now: number, cooldownMinutes: number): Step {
  if (evaluation.state === 'unknown') return { state: { ...state, problem: { at: now, reason: evaluation.reason.slice(0, 300) } }, fire: null };
  const checked = { ...state, lastCheckedAt: now, problem: null };
  if (evaluation.state === 'clear') return { state: { ...checked, armed: true }, fire: null };
  if (evaluation.state === 'hold') return { state: checked, fire: null };
  const cooling = state.lastFiredAt !== null && now - state.lastFiredAt < cooldownMinutes * 60_000;
  if (!state.armed || cooling) return { state: checked, fire: null };
  return { state: { ...checked, armed: false, lastFiredAt: now }, fire: evaluation.detail };
}

/** A rule switched on again (or edited) starts armed, keeping when it last fired so the cooldown still holds. */
export function rearmed(state: AlertState | undefined): AlertState {
  return { ...(state ?? INITIAL_STATE), armed: true, problem: null };
}

/** The reason kept in a state when a notification could not be shown; the options page translates it. */
export const NOT_ALLOWED = 'notifications are not allowed';
