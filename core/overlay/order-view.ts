/**
 * The "your order" part of the overlay as data: what was computed for each side, or what is
 * missing from the page so the trader is asked for it. The keystroke path builds this; the
 * memo below makes an unchanged order (the page re-renders often) cost one string compare.
 */
import type { LiquidationInput, LiquidationResult } from '../liquidation/types';
import type { Side } from '../types';

/** `side` is the position priced; `orderSide` the order that leaves it (they differ when an order reduces or flips). */
export type SideOutcome =
  | { side: Side; orderSide?: Side; input: LiquidationInput; result: LiquidationResult }
  | { side: Side; orderSide?: Side; input: LiquidationInput | null; error: string };

export interface CalculatorPrefill {
  side?: Side | 'both';
  entry?: number;
  quantity?: number;
  leverage?: number;
  marginMode?: 'isolated' | 'cross';
  balance?: number;
}

export type OrderState =
  | { kind: 'waiting' }
  /** An order is on the page; the market's tier table and contract facts are still on their way. */
  | { kind: 'pricing' }
  | {
      kind: 'computed';
      sides: SideOutcome[];
      /** Order sides that would close the position exactly. */
      closes?: Side[];
      /** A market order priced from the page's last price (the trader opted in): said next to the figure. */
      pricedFromPage?: true;
    }
  /** A market order with no independent mark price to price it from: what is missing, instead of a number. */
  | { kind: 'no-mark'; source: string; reason: string }
  | { kind: 'unreadable'; missing: string[]; prefill: CalculatorPrefill };

export type Compute = (input: LiquidationInput) => LiquidationResult;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One outcome per input; an engine error becomes a message naming the problem, never a number. */
export function computeSides(inputs: readonly LiquidationInput[], compute: Compute, orderSides?: readonly Side[]): SideOutcome[] {
  return inputs.map((input, i) => {
    const orderSide = orderSides?.[i];
    const tag = orderSide ? { orderSide } : {};
    try {
      return { side: input.side, ...tag, input, result: compute(input) };
    } catch (error) {
      return { side: input.side, ...tag, input, error: message(error) };
    }
  });
}

function inputKey(input: LiquidationInput): string {
  // Tier tables are shared objects per market: identity is enough and far cheaper than content.
  const { tiers, ...rest } = input;
  return `${JSON.stringify(rest)}|${tiers ? tableId(tiers) : ''}`;
}

const tableIds = new WeakMap<object, number>();
let nextTableId = 1;
function tableId(table: object): number {
  let id = tableIds.get(table);
  if (id === undefined) {
    id = nextTableId++;
    tableIds.set(table, id);
  }
  return id;
}

/** Memoizes the last computation: the same inputs give back the same array (and no re-render). */
export function createSideComputer(compute: Compute): (inputs: readonly LiquidationInput[], orderSides?: readonly Side[]) => SideOutcome[] {
  let lastKey = '';
  let last: SideOutcome[] = [];
  return (inputs, orderSides) => {
    const key = `${orderSides?.join(',') ?? ''}#${inputs.map(inputKey).join('\n')}`;
    if (key === lastKey) return last;
    lastKey = key;
    last = computeSides(inputs, compute, orderSides);
    return last;
  };
}

/** Initial margin of an isolated order, for display: linear in quote, inverse in the coin. */
export function initialMargin(input: LiquidationInput): { value: number; unit: 'quote' | 'coin' } | null {
  if (input.marginMode === 'isolated' && input.margin !== undefined) return { value: input.margin, unit: input.contract === 'inverse' ? 'coin' : 'quote' };
  if (!input.leverage || input.leverage <= 0 || input.entryPrice <= 0 || input.quantity <= 0) return null;
  if (input.contract === 'inverse') return { value: input.quantity / input.entryPrice / input.leverage, unit: 'coin' };
  return { value: (input.quantity * input.entryPrice) / input.leverage, unit: 'quote' };
}

/** Liquidation prices to mark on the heat strip. */
export function liquidationPrices(state: OrderState): number[] {
  if (state.kind !== 'computed') return [];
  const out: number[] = [];
  for (const s of state.sides) if ('result' in s && s.result.price !== null) out.push(s.result.price);
  return out;
}
