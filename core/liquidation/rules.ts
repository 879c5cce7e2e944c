import type { VenueId } from '../types';
import { fromVenueFolders } from '../venues/registry';
import type { LiquidationRule } from './rule';

/** Every venue's liquidation rule (core/venues/<venue>/liquidation.ts). */
export const LIQUIDATION_RULES = fromVenueFolders(
  'liquidation.ts',
  import.meta.glob<LiquidationRule>('../venues/*/liquidation.ts', { eager: true, import: 'liquidationRule' }),
  (m) => m,
);

export function ruleFor(venue: VenueId): LiquidationRule {
  return LIQUIDATION_RULES[venue];
}
