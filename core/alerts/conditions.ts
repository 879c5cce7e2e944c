/**
 * Whether an alert's condition holds, from the inputs the background gathered. Pure: no clock,
 * no storage. Each answer is one of:
 * - `met`: the condition holds (the alert may fire);
 * - `clear`: it is clearly off, past the re-arm margin (the alert re-arms);
 * - `hold`: between the two (no change: a price wobbling on the threshold fires once, not on every check);
 * - `unknown`: an input is missing or stale, with the reason (never fires on it).
 */
import type { Band } from '../model/types';
import type { AlertCondition, AlertRule } from './rules';

/** A mark older than this is not used: the alert waits and says so. */
export const MARK_STALE_MS = 2 * 60_000;
/** A condition re-arms only once it is this much past its threshold (distance × 1.25, USD × 0.8). */
export const REARM_DISTANCE_FACTOR = 1.25;
export const REARM_USD_FACTOR = 0.8;

export interface MarkInput {
  price: number;
  /** When the venue priced it (or when we fetched it, for venues that send no time). */
  time: number;
  source: string;
}

/** Realized USD over the rule's window; `collecting` false when the streams were not running through it. */
export interface RealizedInput {
  usd: number;
  collecting: boolean;
}

export interface AlertInputs {
  now: number;
  /** The mark, or why there is none ("Binance mark price: 429 rate limited"). */
  mark: MarkInput | { error: string };
  /** Bands of the model snapshot, or why there are none (band alerts only). */
  bands?: { long: Band[]; short: Band[] } | { error: string };
  realized?: RealizedInput | { error: string };
}

export type Evaluation = { state: 'met'; detail: MetDetail } | { state: 'clear' } | { state: 'hold' } | { state: 'unknown'; reason: string };

/** What the notification says: the figures that made the condition hold. */
export type MetDetail =
  | { kind: 'band'; mark: number; distancePct: number; band: Pick<Band, 'side' | 'near' | 'far' | 'usd'> }
  | { kind: 'liquidation'; mark: number; distancePct: number; liquidationPrice: number; side: 'long' | 'short' }
  | { kind: 'cascade'; usd: number; minutes: number };

const isError = (v: object): v is { error: string } => 'error' in v;

/** % from the mark to a band's near edge; 0 once the mark has reached or entered the band. */
export function distanceToBandPct(mark: number, band: Pick<Band, 'side' | 'near'>): number {
  const gap = band.side === 'long' ? mark - band.near : band.near - mark;
  return Math.max(0, (gap / mark) * 100);
}

/** % from the mark to the liquidation price on the side it lies; 0 when the mark is at or past it. */
export function distanceToLiquidationPct(mark: number, liquidationPrice: number, side: 'long' | 'short'): number {
  const gap = side === 'long' ? mark - liquidationPrice : liquidationPrice - mark;
  return Math.max(0, (gap / mark) * 100);
}

function usableMark(inputs: AlertInputs): MarkInput | string {
  const { mark } = inputs;
  if (isError(mark)) return mark.error;
  if (!(mark.price > 0) || !Number.isFinite(mark.price)) return `${mark.source}: no usable price`;
  if (inputs.now - mark.time > MARK_STALE_MS) return `${mark.source}: price is ${Math.round((inputs.now - mark.time) / 60_000)} min old`;
  return mark;
}

function byDistance(withinPct: number, distancePct: number): 'met' | 'clear' | 'hold' {
  if (distancePct <= withinPct) return 'met';
  return distancePct > withinPct * REARM_DISTANCE_FACTOR ? 'clear' : 'hold';
}

export function evaluate(condition: AlertCondition, inputs: AlertInputs): Evaluation {
  if (condition.kind === 'cascade') {
    const r = inputs.realized;
    if (!r) return { state: 'unknown', reason: 'no realized liquidations read' };
    if (isError(r)) return { state: 'unknown', reason: r.error };
    if (r.usd >= condition.minUsd) return { state: 'met', detail: { kind: 'cascade', usd: r.usd, minutes: condition.minutes } };
    // Without collection the total is not "no cascade", only "not seen": wait rather than re-arm.
    if (!r.collecting) return { state: 'unknown', reason: 'liquidation streams were not collecting through the window' };
    return r.usd < condition.minUsd * REARM_USD_FACTOR ? { state: 'clear' } : { state: 'hold' };
  }
  const mark = usableMark(inputs);
  if (typeof mark === 'string') return { state: 'unknown', reason: mark };
  if (condition.kind === 'liquidation') {
    const distancePct = distanceToLiquidationPct(mark.price, condition.liquidationPrice, condition.side);
    const state = byDistance(condition.withinPct, distancePct);
    return state === 'met'
      ? { state, detail: { kind: 'liquidation', mark: mark.price, distancePct, liquidationPrice: condition.liquidationPrice, side: condition.side } }
      : { state };
  }
  const bands = inputs.bands;
  if (!bands) return { state: 'unknown', reason: 'no model bands read' };
  if (isError(bands)) return { state: 'unknown', reason: bands.error };
  const candidates = [...bands.long, ...bands.short]
    .filter((b) => b.usd >= condition.minUsd)
    .map((band) => ({ band, distancePct: distanceToBandPct(mark.price, band) }))
    .sort((a, b) => a.distancePct - b.distancePct);
  const nearest = candidates[0];
  // No band that large in the model's window: clearly not near one.
  if (!nearest) return { state: 'clear' };
  const state = byDistance(condition.withinPct, nearest.distancePct);
  const { side, near, far, usd } = nearest.band;
  return state === 'met' ? { state, detail: { kind: 'band', mark: mark.price, distancePct: nearest.distancePct, band: { side, near, far, usd } } } : { state };
}

/** The inputs a rule needs beyond the mark (so the background fetches only those). */
export function needs(rule: Pick<AlertRule, 'condition'>): { mark: boolean; bands: boolean; realized: boolean } {
  const k = rule.condition.kind;
  return { mark: k !== 'cascade', bands: k === 'band', realized: k === 'cascade' };
}
