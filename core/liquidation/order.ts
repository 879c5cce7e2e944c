import type { ContractKind, MarginMode, PositionMode, Side, VenueId } from '../types';
import { LiquidationInputError } from './errors';
import type { LiquidationInput, Tier, TierBasis } from './types';
import { oneOf, positive, finite } from './validate';

/** What the trader is typing, as read from the page (plus what the background knows about the market). */
export interface OrderDraft {
  venue: VenueId;
  contract?: ContractKind;
  side: Side;
  type: 'market' | 'limit';
  /** Limit price; required for limit orders. */
  price?: number;
  markPrice: number;
  /** Order size as the venue's form takes it. */
  size: { value: number; unit: 'coin' | 'contracts' | 'quote' };
  /** Base coin per contract (linear) or USD per contract (inverse); needed when size is in contracts. */
  contractSize?: number;
  leverage: number;
  marginMode: MarginMode;
  positionMode?: PositionMode;
  /** Margin the trader adds on top of the initial margin (isolated). */
  addedMargin?: number;
  takerFeeRate?: number;
  /** Cross: wallet balance and the rest of the account, when the page shows them. */
  walletBalance?: number;
  otherPositions?: { maintenanceMargin: number; unrealizedPnl: number };
  tier?: { mmr: number; maintenanceAmount: number };
  tiers?: Tier[];
  tierBasis?: TierBasis;
  table?: { source: string; asOf: number };
  /**
   * The position already open on this market. undefined: the page shows none we could read (assumed
   * none, and said so). null: the page clearly shows no position. Size is in the unit of
   * LiquidationInput.quantity (base coin for linear, USD face value for inverse).
   */
  existingPosition?: { side: Side; size: number; entryPrice: number; margin?: number } | null;
}

export interface OrderPlan {
  /** The position(s) to price after the order fills: none when the order closes the position exactly. */
  inputs: LiquidationInput[];
  /** Everything assumed while building them (also copied into each input's notes). */
  assumptions: string[];
}

/**
 * Turns the order being typed into the position(s) it would leave, ready for computeLiquidation:
 * same-side orders merge into a new average entry, opposite-side orders net against the position
 * in one-way mode (reduce, close or flip), and hedge mode keeps the legs apart. Pure: no page or
 * network access; every guess is written down in `assumptions`.
 */
export function orderToLiquidationInputs(draft: OrderDraft): OrderPlan {
  const assumptions: string[] = [];
  const inverse = draft.contract === 'inverse';
  oneOf(draft.side, ['long', 'short'] as const, 'side');
  oneOf(draft.type, ['market', 'limit'] as const, 'type');
  oneOf(draft.marginMode, ['isolated', 'cross'] as const, 'marginMode');
  const mark = positive(draft.markPrice, 'markPrice');
  const leverage = positive(draft.leverage, 'leverage');
  const added = draft.addedMargin === undefined ? 0 : finite(draft.addedMargin, 'addedMargin');
  if (added < 0) throw new LiquidationInputError('addedMargin', `expected a number ≥ 0, got ${added}`);

  let entry: number;
  if (draft.type === 'limit') {
    if (draft.price === undefined) throw new LiquidationInputError('price', 'a limit order needs its limit price');
    entry = positive(draft.price, 'price');
  } else {
    entry = mark;
    assumptions.push('Market order: entry = mark price (slippage and spread not included).');
  }
  const quantity = orderQuantity(draft, entry, inverse);
  /** Initial margin of a new position in the margin currency. */
  const initialMargin = (q: number, price: number) => (inverse ? q / price : q * price) / leverage;

  const hedge = draft.positionMode === 'hedge';
  let existing = draft.existingPosition;
  if (existing === undefined) {
    assumptions.push('No existing position visible: assumed none.');
    existing = null;
  } else if (existing !== null) {
    oneOf(existing.side, ['long', 'short'] as const, 'existingPosition.side');
    positive(existing.size, 'existingPosition.size');
    positive(existing.entryPrice, 'existingPosition.entryPrice');
    if (existing.margin !== undefined) positive(existing.margin, 'existingPosition.margin');
  }

  let side = draft.side;
  let size = quantity;
  let avgEntry = entry;
  let margin = initialMargin(quantity, entry) + added;
  let hedgeOppositeLeg: LiquidationInput['hedgeOppositeLeg'];

  if (existing) {
    const existingMargin = () => {
      if (existing!.margin !== undefined) return existing!.margin;
      assumptions.push('Existing position margin not visible: assumed its entry value ÷ the current leverage.');
      return initialMargin(existing!.size, existing!.entryPrice);
    };
    if (existing.side === draft.side) {
      size = existing.size + quantity;
      // Linear averages entry by size; inverse by contracts per price (harmonic), as the venues do.
      avgEntry = inverse
        ? size / (existing.size / existing.entryPrice + quantity / entry)
        : (existing.size * existing.entryPrice + quantity * entry) / size;
      margin = existingMargin() + initialMargin(quantity, entry) + added;
      assumptions.push('Order adds to the open position: priced at the combined size and average entry.');
    } else if (hedge) {
      hedgeOppositeLeg = { quantity: existing.size, entryPrice: existing.entryPrice };
      assumptions.push('Hedge mode: the order opens its own leg; the opposite leg is kept apart.');
    } else if (quantity < existing.size) {
      side = existing.side;
      size = existing.size - quantity;
      avgEntry = existing.entryPrice;
      margin = (existingMargin() * size) / existing.size + added;
      assumptions.push('Order reduces the open position: the rest keeps its entry and a proportional share of its margin.');
    } else if (quantity === existing.size) {
      assumptions.push('Order closes the open position: nothing left to liquidate.');
      return { inputs: [], assumptions };
    } else {
      size = quantity - existing.size;
      margin = initialMargin(size, entry) + added;
      assumptions.push('Order closes the open position and opens the remainder on the other side at the order price.');
    }
  }

  const input: LiquidationInput = {
    venue: draft.venue,
    contract: inverse ? 'inverse' : 'linear',
    marginMode: draft.marginMode,
    positionMode: draft.positionMode ?? 'one-way',
    side,
    entryPrice: avgEntry,
    quantity: size,
    leverage,
    markPrice: mark,
    notes: assumptions,
  };
  if (draft.marginMode === 'isolated') {
    input.margin = margin;
  } else if (draft.walletBalance !== undefined) {
    input.margin = positive(draft.walletBalance, 'walletBalance');
    if (draft.otherPositions) input.otherPositions = draft.otherPositions;
  } else if (added > 0) {
    input.extraMargin = added;
  }
  if (hedgeOppositeLeg) input.hedgeOppositeLeg = hedgeOppositeLeg;
  if (draft.takerFeeRate !== undefined) input.takerFeeRate = draft.takerFeeRate;
  if (draft.tier) input.tier = draft.tier;
  if (draft.tiers) input.tiers = draft.tiers;
  if (draft.tierBasis) input.tierBasis = draft.tierBasis;
  if (draft.table) input.table = draft.table;
  return { inputs: [input], assumptions };
}

function orderQuantity(draft: OrderDraft, entry: number, inverse: boolean): number {
  if (typeof draft.size !== 'object' || draft.size === null) throw new LiquidationInputError('size', 'expected { value, unit }');
  const value = positive(draft.size.value, 'size.value');
  const unit = oneOf(draft.size.unit, ['coin', 'contracts', 'quote'] as const, 'size.unit');
  if (unit === 'contracts') {
    if (draft.contractSize === undefined) throw new LiquidationInputError('contractSize', 'needed to convert a size in contracts');
    return value * positive(draft.contractSize, 'contractSize');
  }
  // Inverse quantity is USD face value; linear quantity is base coin.
  if (inverse) return unit === 'quote' ? value : value * entry;
  return unit === 'coin' ? value : value / entry;
}
