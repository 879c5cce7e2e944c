/**
 * The manual calculator's form → engine inputs. Used when the page's order form cannot be read
 * (and in the popup). Every field is the trader's own entry: nothing is guessed, and an invalid
 * field is named instead of computed around.
 */
import { parseNumber, type DecimalSeparator } from '../format/numbers';
import type { LiquidationInput, TierTable } from '../liquidation/types';
import type { ContractKind, MarginMode, Market, Side } from '../types';
import { parseUnifiedSymbol } from '../types';
import type { CalculatorPrefill } from './order-view';
import { tiersForLeverage } from './page-order';

export interface CalculatorForm {
  side: Side | 'both';
  entry: string;
  quantity: string;
  leverage: string;
  marginMode: MarginMode;
  balance: string;
}

export type CalculatorField = 'entry' | 'quantity' | 'leverage' | 'balance';

export interface CalculatorContext {
  market: Market;
  /** The venue's tier table from the background; without it the engine says what it assumed. */
  table?: TierTable | null;
  markPrice?: number;
  decimal?: DecimalSeparator;
}

const text = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : String(n));

export function formFromPrefill(prefill: CalculatorPrefill): CalculatorForm {
  return {
    side: prefill.side ?? 'both',
    entry: text(prefill.entry),
    quantity: text(prefill.quantity),
    leverage: text(prefill.leverage),
    marginMode: prefill.marginMode ?? 'isolated',
    balance: text(prefill.balance),
  };
}

export function contractOf(market: Market): ContractKind {
  return parseUnifiedSymbol(market.symbol)?.contract ?? 'linear';
}

function positive(raw: string, decimal: DecimalSeparator | undefined): number | null {
  const parsed = parseNumber(raw, decimal ? { decimal } : {});
  return parsed.ok && !parsed.percent && parsed.value > 0 && Number.isFinite(parsed.value) ? parsed.value : null;
}

export type CalculatorResult = { ok: true; inputs: LiquidationInput[] } | { ok: false; invalid: CalculatorField[] };

export function calculatorInputs(form: CalculatorForm, ctx: CalculatorContext): CalculatorResult {
  const entry = positive(form.entry, ctx.decimal);
  const quantity = positive(form.quantity, ctx.decimal);
  const leverage = positive(form.leverage, ctx.decimal);
  const balance = form.marginMode === 'cross' ? positive(form.balance, ctx.decimal) : null;
  const invalid: CalculatorField[] = [];
  if (entry === null) invalid.push('entry');
  if (quantity === null) invalid.push('quantity');
  if (leverage === null) invalid.push('leverage');
  if (form.marginMode === 'cross' && balance === null) invalid.push('balance');
  if (invalid.length > 0 || entry === null || quantity === null || leverage === null) return { ok: false, invalid };
  const sides: Side[] = form.side === 'both' ? ['long', 'short'] : [form.side];
  const contract = contractOf(ctx.market);
  return {
    ok: true,
    inputs: sides.map((side) => ({
      venue: ctx.market.venue,
      contract,
      marginMode: form.marginMode,
      side,
      entryPrice: entry,
      quantity,
      leverage,
      ...(balance !== null ? { margin: balance } : {}),
      ...tiersForLeverage(ctx.table ?? null, leverage),
      ...(ctx.markPrice !== undefined ? { markPrice: ctx.markPrice } : {}),
    })),
  };
}
