import type { VenueId } from '../types';
import { liquidationRule as binance } from '../venues/binance/liquidation';
import { liquidationRule as bitget } from '../venues/bitget/liquidation';
import { liquidationRule as bybit } from '../venues/bybit/liquidation';
import { liquidationRule as gate } from '../venues/gate/liquidation';
import { liquidationRule as htx } from '../venues/htx/liquidation';
import { liquidationRule as hyperliquid } from '../venues/hyperliquid/liquidation';
import { liquidationRule as mexc } from '../venues/mexc/liquidation';
import { liquidationRule as okx } from '../venues/okx/liquidation';
import type { LiquidationRule } from './rule';

/** Every venue's liquidation rule; a new venue adds its folder and one line here. */
export const LIQUIDATION_RULES: Readonly<Record<VenueId, LiquidationRule>> = {
  binance,
  okx,
  bybit,
  htx,
  bitget,
  gate,
  mexc,
  hyperliquid,
};

export function ruleFor(venue: VenueId): LiquidationRule {
  return LIQUIDATION_RULES[venue];
}
