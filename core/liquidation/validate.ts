import { isVenueId } from '../venues/registry';
import { LiquidationInputError } from './errors';
import type { LiquidationInput, Tier } from './types';

/*
 * Cheap, branch-only checks (no allocation unless something is wrong): the engine validates on
 * every call because its input comes straight from a page the trader is typing into.
 */

function describe(value: unknown): string {
  if (typeof value === 'string') return `got the string "${value.slice(0, 40)}"`;
  if (typeof value === 'number') return `got ${value}`;
  return `got ${value === null ? 'null' : typeof value}`;
}

function fail(field: string, expected: string, value: unknown): never {
  throw new LiquidationInputError(field, `expected ${expected}, ${describe(value)}`);
}

export function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !(value > 0) || value === Infinity) fail(field, 'a finite number > 0', value);
  return value;
}

export function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, 'a finite number', value);
  return value;
}

export function nonNegative(value: unknown, field: string): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) fail(field, 'a finite number ≥ 0', value);
  return value;
}

function rate(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value < max)) fail(field, `a rate in [0, ${max})`, value);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fail(field, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

const SIDES = ['long', 'short'] as const;
const MODES = ['isolated', 'cross'] as const;
const CONTRACTS = ['linear', 'inverse'] as const;
const POSITION_MODES = ['one-way', 'hedge'] as const;
const BASES = ['notional', 'quantity'] as const;
/** Tier edges written by two parsers of the same decimal string agree exactly; this covers float noise in derived edges. */
const EDGE_TOLERANCE = 1e-9;

/**
 * Checks a tier table: non-empty, first floor 0, each cap above its floor, every floor equal to
 * the previous cap (no gap, no overlap, sorted), rates in [0, 1), amounts ≥ 0. Infinity is allowed
 * only as the last cap.
 */
export function validateTiers(tiers: unknown, field = 'tiers'): Tier[] {
  // Hot path: plain comparisons only; the detailed pass below (which builds field names) runs on failure.
  if (tiersLookValid(tiers)) return tiers as Tier[];
  if (!Array.isArray(tiers) || tiers.length === 0) fail(field, 'a non-empty array of tiers', tiers);
  if (tiers.length > 200) throw new LiquidationInputError(field, `expected at most 200 tiers, got ${tiers.length}`);
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i] as Tier;
    const at = `${field}[${i}]`;
    if (typeof tier !== 'object' || tier === null) fail(at, 'a tier object', tier);
    nonNegative(tier.floor, `${at}.floor`);
    const last = i === tiers.length - 1;
    if (!(last && tier.cap === Infinity)) positive(tier.cap, `${at}.cap`);
    if (!(tier.cap > tier.floor)) throw new LiquidationInputError(`${at}.cap`, `cap ${tier.cap} must be above floor ${tier.floor}`);
    rate(tier.mmr, `${at}.mmr`, 1);
    nonNegative(tier.maintenanceAmount, `${at}.maintenanceAmount`);
    if (tier.adjustFactor !== undefined) positive(tier.adjustFactor, `${at}.adjustFactor`);
    if (i === 0) {
      if (tier.floor !== 0) throw new LiquidationInputError(`${at}.floor`, `the first tier must start at 0, got ${tier.floor}`);
      continue;
    }
    const previousCap = (tiers[i - 1] as Tier).cap;
    const gap = tier.floor - previousCap;
    if (Math.abs(gap) > EDGE_TOLERANCE * Math.max(1, previousCap)) {
      const problem = gap > 0 ? 'gap' : tier.floor < (tiers[i - 1] as Tier).floor ? 'unsorted tiers' : 'overlap';
      throw new LiquidationInputError(`${at}.floor`, `${problem}: floor ${tier.floor} does not meet the previous cap ${previousCap}`);
    }
  }
  return tiers as Tier[];
}

function tiersLookValid(tiers: unknown): boolean {
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers.length > 200) return false;
  let previousCap = 0;
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i] as Tier | null;
    if (typeof t !== 'object' || t === null) return false;
    const { floor, cap, mmr, maintenanceAmount, adjustFactor } = t;
    if (typeof floor !== 'number' || typeof cap !== 'number' || typeof mmr !== 'number' || typeof maintenanceAmount !== 'number') return false;
    if (!(floor >= 0 && cap > floor && mmr >= 0 && mmr < 1 && maintenanceAmount >= 0 && maintenanceAmount < Infinity)) return false;
    if (cap === Infinity && i !== tiers.length - 1) return false;
    if (adjustFactor !== undefined && !(typeof adjustFactor === 'number' && adjustFactor > 0 && adjustFactor < Infinity)) return false;
    if (i === 0 ? floor !== 0 : Math.abs(floor - previousCap) > EDGE_TOLERANCE * Math.max(1, previousCap)) return false;
    previousCap = cap;
  }
  return true;
}

/** Validates every field the engine reads; throws LiquidationInputError naming the first bad one. */
export function validateInput(input: LiquidationInput): void {
  if (typeof input !== 'object' || input === null) fail('input', 'an object', input);
  if (!isVenueId(input.venue)) fail('venue', 'a supported venue id', input.venue);
  if (input.contract !== undefined) oneOf(input.contract, CONTRACTS, 'contract');
  oneOf(input.marginMode, MODES, 'marginMode');
  if (input.positionMode !== undefined) oneOf(input.positionMode, POSITION_MODES, 'positionMode');
  oneOf(input.side, SIDES, 'side');
  positive(input.entryPrice, 'entryPrice');
  positive(input.quantity, 'quantity');
  if (input.leverage !== undefined) {
    positive(input.leverage, 'leverage');
    if (input.leverage > 10_000) throw new LiquidationInputError('leverage', `expected at most 10000, got ${input.leverage}`);
  }
  if (input.margin !== undefined) positive(input.margin, 'margin');
  if (input.extraMargin !== undefined) finite(input.extraMargin, 'extraMargin');
  if (input.otherPositions !== undefined) {
    if (typeof input.otherPositions !== 'object' || input.otherPositions === null) fail('otherPositions', 'an object', input.otherPositions);
    nonNegative(input.otherPositions.maintenanceMargin, 'otherPositions.maintenanceMargin');
    finite(input.otherPositions.unrealizedPnl, 'otherPositions.unrealizedPnl');
  }
  if (input.hedgeOppositeLeg !== undefined) {
    if (typeof input.hedgeOppositeLeg !== 'object' || input.hedgeOppositeLeg === null) fail('hedgeOppositeLeg', 'an object', input.hedgeOppositeLeg);
    positive(input.hedgeOppositeLeg.quantity, 'hedgeOppositeLeg.quantity');
    positive(input.hedgeOppositeLeg.entryPrice, 'hedgeOppositeLeg.entryPrice');
  }
  if (input.tier !== undefined) {
    if (typeof input.tier !== 'object' || input.tier === null) fail('tier', 'an object', input.tier);
    rate(input.tier.mmr, 'tier.mmr', 1);
    if (input.tier.maintenanceAmount !== undefined) nonNegative(input.tier.maintenanceAmount, 'tier.maintenanceAmount');
  }
  if (input.tiers !== undefined) validateTiers(input.tiers);
  if (input.tier === undefined && input.tiers === undefined) {
    throw new LiquidationInputError('tiers', 'a maintenance tier (tier) or tier table (tiers) is required');
  }
  if (input.tierBasis !== undefined) oneOf(input.tierBasis, BASES, 'tierBasis');
  if (input.takerFeeRate !== undefined) rate(input.takerFeeRate, 'takerFeeRate', 0.1);
  if (input.tickSize !== undefined && !(Number.isFinite(input.tickSize) && input.tickSize > 0)) {
    throw new LiquidationInputError('tickSize', `expected a number > 0, got ${String(input.tickSize)}`);
  }
  if (input.markPrice !== undefined) positive(input.markPrice, 'markPrice');
}
