import type { ContractKind, MarginMode, PositionMode, Side, VenueId } from '../types';
import { LiquidationInputError } from './errors';
import { ruleFor } from './rules';
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
  /**
   * Where `markPrice` came from: 'page' when it is the trading page's own last price standing in
   * for a missing independent mark (the trader opted in); a market order's note then says so.
   */
  markFrom?: 'mark' | 'page';
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
  /** The instrument's price tick (venue instrument data), for venues that report a tick off their formula. */
  tickSize?: number;
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
    assumptions.push(
      draft.markFrom === 'page'
        ? "Market order: entry = the page's last price, not an independent mark price (the page could be wrong; slippage and spread not included)."
        : 'Market order: entry = mark price (slippage and spread not included).',
    );
  }
  const quantity = orderQuantity(draft, entry, inverse);
  // A venue that sets its fee reserve aside inside an isolated position's margin at opening.
  const fee = ruleFor(draft.venue).takerFee;
  const reserveRate = fee?.reserveInMargin && draft.marginMode === 'isolated' ? (draft.takerFeeRate ?? fee.defaultRate) : 0;
  /** Initial margin of a new position in the margin currency (plus the venue's fee reserve, where it keeps one there). */
  const initialMargin = (q: number, price: number) => {
    const value = inverse ? q / price : q * price;
    return value / leverage + value * reserveRate;
  };
  if (reserveRate > 0) assumptions.push(`Isolated margin includes the ${formatRate(reserveRate)} fee reserve the venue sets aside when the position opens.`);

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
      avgEntry = inverse ? size / (existing.size / existing.entryPrice + quantity / entry) : (existing.size * existing.entryPrice + quantity * entry) / size;
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
  if (draft.tickSize !== undefined) input.tickSize = draft.tickSize;
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

/** 0.00075 → "0.075%". */
function formatRate(rate: number): string {
  return `${Number((rate * 100).toPrecision(6))}%`;
}

/**
 * An open position as the venue reports it, in venue-neutral terms: each venue's `positions.ts`
 * reads its own payload into this (where the venue's API shape is known), and
 * positionToLiquidationInput turns it into the engine's input.
 */
export interface OpenPosition {
  venue: VenueId;
  contract: ContractKind;
  marginMode: MarginMode;
  side: Side;
  /** Engine unit: base coin (linear) or USD face value (inverse). */
  quantity: number;
  /** The entry price the venue's liquidation uses (for some venues the holding price after settlement, not the opening average). */
  entryPrice: number;
  leverage?: number;
  markPrice?: number;
  /** Isolated: the position's margin as the venue accounts it (fee reserve included where the venue keeps one there). */
  margin?: number;
  /** Isolated, where the venue reports a signed cash balance instead of a margin: margin at entry = cash + signed size × entry. */
  isolatedCash?: number;
  /** Cross: the cross account's value (equity) and the unrealised PnL of all its positions, this one included. */
  account?: { value: number; unrealizedPnl: number };
  /** Cross: the wallet balance, where the venue reports it directly. */
  walletBalance?: number;
  /** Cross: the other positions' maintenance margin and unrealised PnL. */
  otherPositions?: { maintenanceMargin: number; unrealizedPnl: number };
  /** The maintenance tier the payload implies, where it does. */
  tier?: { mmr: number; maintenanceAmount: number };
  takerFeeRate?: number;
  /** The liquidation price the venue reported for this position; null when it reported none. */
  reportedLiquidationPrice?: number | null;
}

/**
 * A reported open position → the engine's input. Isolated margin is `margin`, or the signed cash
 * plus size × entry; the cross wallet is the wallet balance, or account value − Σ unrealised PnL.
 * `extra` adds what the position payload does not carry (tier table, tick size).
 */
export function positionToLiquidationInput(
  position: OpenPosition,
  extra: Partial<Pick<LiquidationInput, 'tiers' | 'tierBasis' | 'table' | 'tickSize' | 'tier' | 'takerFeeRate'>> = {},
): LiquidationInput {
  const side = oneOf(position.side, ['long', 'short'] as const, 'side');
  const quantity = positive(position.quantity, 'quantity');
  const entryPrice = positive(position.entryPrice, 'entryPrice');
  const input: LiquidationInput = {
    venue: position.venue,
    contract: position.contract,
    marginMode: oneOf(position.marginMode, ['isolated', 'cross'] as const, 'marginMode'),
    side,
    entryPrice,
    quantity,
  };
  if (position.leverage !== undefined) input.leverage = positive(position.leverage, 'leverage');
  if (position.markPrice !== undefined) input.markPrice = positive(position.markPrice, 'markPrice');
  if (position.marginMode === 'isolated') {
    if (position.margin !== undefined) input.margin = positive(position.margin, 'margin');
    else if (position.isolatedCash !== undefined) {
      const signed = side === 'long' ? quantity : -quantity;
      const value = position.contract === 'inverse' ? signed / entryPrice : signed * entryPrice;
      input.margin = positive(finite(position.isolatedCash, 'isolatedCash') + value, 'margin');
    }
  } else {
    if (position.walletBalance !== undefined) input.margin = positive(position.walletBalance, 'walletBalance');
    else if (position.account)
      input.margin = positive(finite(position.account.value, 'account.value') - finite(position.account.unrealizedPnl, 'account.unrealizedPnl'), 'margin');
    if (position.otherPositions) input.otherPositions = position.otherPositions;
  }
  const tier = extra.tier ?? position.tier;
  if (tier && !extra.tiers) input.tier = tier;
  if (extra.tiers) input.tiers = extra.tiers;
  if (extra.tierBasis) input.tierBasis = extra.tierBasis;
  if (extra.table) input.table = extra.table;
  const fee = extra.takerFeeRate ?? position.takerFeeRate;
  if (fee !== undefined) input.takerFeeRate = fee;
  if (extra.tickSize !== undefined) input.tickSize = extra.tickSize;
  return input;
}
