/**
 * Price alerts the trader sets per market, and their schema: checked when read from storage and
 * when they arrive from the options page, so a tampered or older record is refused field by field.
 */
import type { Market, Side } from '../types';
import { VENUE_IDS } from '../venues/registry';
import { array, bool, literal, num, object, oneOf, optional, SchemaError, str, type Schema } from '../messages/schema';

/** Price within `withinPct` % of a modelled band of at least `minUsd` (either side). */
export interface BandCondition {
  kind: 'band';
  withinPct: number;
  minUsd: number;
}

/**
 * Mark within `withinPct` % of the trader's liquidation price: entered by hand (no `source`), or
 * taken from the position an open trading tab showed (`source`, with when), then kept as it was.
 */
export interface LiquidationCondition {
  kind: 'liquidation';
  withinPct: number;
  side: Side;
  liquidationPrice: number;
  source?: LiquidationSource;
}

/** Where a liquidation alert's price came from: computed in the popup from the position the page showed, at `at`. */
export interface LiquidationSource {
  from: 'page';
  at: number;
}

/** Realized liquidations of the coin (all collected venues) of at least `minUsd` within `minutes`. */
export interface CascadeCondition {
  kind: 'cascade';
  minUsd: number;
  minutes: number;
}

export type AlertCondition = BandCondition | LiquidationCondition | CascadeCondition;
export type AlertKind = AlertCondition['kind'];
export const ALERT_KINDS = ['band', 'liquidation', 'cascade'] as const satisfies readonly AlertKind[];

export interface AlertRule {
  id: string;
  market: Market;
  enabled: boolean;
  /** After firing, the alert stays quiet at least this long, even if the condition clears and returns. */
  cooldownMinutes: number;
  condition: AlertCondition;
}

export const MAX_ALERTS = 50;
export const DEFAULT_COOLDOWN_MINUTES = 30;

const marketSchema = object({
  venue: oneOf(VENUE_IDS),
  symbol: str({ max: 40, pattern: /^[A-Z0-9]{1,20}\/[A-Z0-9]{2,10}:[A-Z0-9]{1,20}$/ }),
});
const pct = num({ min: 0.01, max: 50 });
const usd = num({ min: 1, max: 1e12 });
const sourceSchema = object({ from: literal('page'), at: num({ integer: true, min: 0, max: 1e14 }) });

const conditionSchema: Schema<AlertCondition> = (v, p) => {
  const kind = oneOf(ALERT_KINDS)((v as { kind?: unknown } | null)?.kind, `${p}.kind`);
  if (kind === 'band') return { kind, ...object({ withinPct: pct, minUsd: usd })(v, p) };
  if (kind === 'liquidation') {
    const c = object({
      withinPct: pct,
      side: oneOf(['long', 'short'] as const),
      liquidationPrice: num({ min: 1e-9, max: 1e9 }),
      source: optional(sourceSchema),
    })(v, p);
    const { source, ...rest } = c;
    return { kind, ...rest, ...(source ? { source } : {}) };
  }
  return { kind, ...object({ minUsd: usd, minutes: num({ integer: true, min: 1, max: 60 }) })(v, p) };
};

export const alertRuleSchema: Schema<AlertRule> = object({
  id: str({ max: 40, pattern: /^[A-Za-z0-9_-]{1,40}$/ }),
  market: marketSchema,
  enabled: bool,
  cooldownMinutes: num({ integer: true, min: 1, max: 1440 }),
  condition: conditionSchema,
});

export const alertRulesSchema: Schema<AlertRule[]> = (v, p) => {
  const rules = array(alertRuleSchema, { max: MAX_ALERTS })(v, p);
  if (new Set(rules.map((r) => r.id)).size !== rules.length) throw new SchemaError(p, 'alerts with unique ids');
  return rules;
};

/** A new rule with the defaults the options page starts from. */
export function newRule(id: string, market: Market, kind: AlertKind, markPrice?: number): AlertRule {
  const condition: AlertCondition =
    kind === 'band'
      ? { kind, withinPct: 1, minUsd: 50_000_000 }
      : kind === 'liquidation'
        ? { kind, withinPct: 2, side: 'long', liquidationPrice: markPrice && markPrice > 0 ? Math.round(markPrice * 0.9) : 1 }
        : { kind, minUsd: 10_000_000, minutes: 5 };
  return { id, market, enabled: false, cooldownMinutes: DEFAULT_COOLDOWN_MINUTES, condition };
}

/** A liquidation alert on the price computed from the position the page showed, saying so and when. */
export function ruleFromPage(id: string, market: Market, side: Side, liquidationPrice: number, at: number, enabled: boolean): AlertRule {
  return {
    id,
    market,
    enabled,
    cooldownMinutes: DEFAULT_COOLDOWN_MINUTES,
    condition: { kind: 'liquidation', withinPct: 2, side, liquidationPrice, source: { from: 'page', at } },
  };
}
