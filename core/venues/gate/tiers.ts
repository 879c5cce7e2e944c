import { array, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, swapMarket, table, TierTableError, type TierSource } from '../../liquidation/tier-source';
import type { TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

const row = object({
  contract: optional(str({ max: 40 })),
  tier: optional(numeric({ min: 0 })),
  risk_limit: numeric({ min: 0 }),
  maintenance_rate: numeric({ min: 0, max: 0.99 }),
  leverage_max: optional(numeric({ min: 0 })),
  deduction: optional(numeric({ min: 0 })),
});

function venueContract(market: Market): { contract: string; settle: string } {
  const m = swapMarket('gate', market);
  return m.contract === 'inverse' ? { contract: `${m.base}_USD`, settle: m.settle.toLowerCase() } : { contract: `${m.base}_${m.quote}`, settle: m.settle.toLowerCase() };
}

/** Gate risk-limit tiers: risk_limit is each tier's upper notional; deduction is Gate's maintenance amount. */
function parse(json: unknown, market: Market, fetchedAt = Date.now()): TierTable {
  return parsingTiers('gate', () => {
    if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'label' in json) {
      const label = String((json as { label: unknown }).label).slice(0, 80);
      throw new TierTableError('gate', `exchange error ${label}`);
    }
    const { contract } = venueContract(market);
    const rows = array(row, { max: 500 })(json, '').filter((r) => r.contract === undefined || r.contract === contract);
    if (rows.length === 0) throw new TierTableError('gate', `no risk-limit tiers for ${contract}`);
    // A dropped tier would silently stretch the next one over its range: refuse a broken ladder.
    const numbers = rows.map((r) => r.tier).filter((t): t is number => t !== undefined).sort((a, b) => a - b);
    const gap = numbers.findIndex((t, i) => i > 0 && t !== numbers[i - 1]! + 1);
    if (gap > 0) throw new TierTableError('gate', `tier ${numbers[gap - 1]! + 1} is missing from the response`);
    const hasDeduction = rows.every((r) => r.deduction !== undefined);
    const tiers = chainTiers(
      rows.map((r) => ({
        cap: r.risk_limit,
        mmr: r.maintenance_rate,
        ...(hasDeduction ? { maintenanceAmount: r.deduction } : {}),
        ...(r.leverage_max !== undefined ? { maxLeverage: r.leverage_max } : {}),
      })),
      { recurrence: !hasDeduction },
    );
    return table('gate', market, tiers, 'notional', 'gate:/api/v4/futures/{settle}/risk_limit_tiers', fetchedAt);
  });
}

export const tierSource: TierSource = {
  venue: 'gate',
  request(market) {
    const { contract, settle } = venueContract(market);
    return { url: `https://api.gateio.ws/api/v4/futures/${settle}/risk_limit_tiers?contract=${contract}` };
  },
  parse,
  bundled: [
    {
      venue: 'gate',
      symbol: 'BTC/USDT:USDT',
      basis: 'notional',
      // A live risk_limit_tiers response for BTC_USDT captured 2026-08-09 and pinned in a public
      // repository's tests. The capture was trimmed to tiers 1, 2, 3 and 5; tier 4 is missing, so only
      // the unbroken run 1–3 (to 1.5M USDT) ships. Deductions follow the recurrence (250, 750).
      // No ETH_USDT capture was found.
      source:
        'bundled:gate-btc-usdt-risk-limit-tiers-1-3 (live /api/v4/futures/usdt/risk_limit_tiers captured 2026-08-09, pinned in laelymenyon/gate-extreme-bot tests/test_position_sizer.py)',
      asOf: recordedOn('2026-08-09'),
      tiers: [
        { floor: 0, cap: 500_000, mmr: 0.003, maintenanceAmount: 0, maxLeverage: 200 },
        { floor: 500_000, cap: 1_000_000, mmr: 0.0035, maintenanceAmount: 250, maxLeverage: 150.01 },
        { floor: 1_000_000, cap: 1_500_000, mmr: 0.004, maintenanceAmount: 750, maxLeverage: 125 },
      ],
    },
  ],
};
