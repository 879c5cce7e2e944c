import { array, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, table, TierTableError, type TierSource, tierMarketId } from '../../liquidation/tier-source';
import { venue } from './venue';
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
  const contract = tierMarketId('gate', venue.symbols, market);
  // Gate's settle path is the settlement coin: usdt, or the base coin for coin-margined contracts.
  return { contract, settle: contract.endsWith('_USDT') ? 'usdt' : contract.slice(0, -'_USD'.length).toLowerCase() };
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
    const numbers = rows
      .map((r) => r.tier)
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
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
  // Both ladders come from one bulk risk_limit_tiers response pinned, undated, in a public repository
  // whose other Gate fixtures were recorded 2026-09-11..14 (this file was committed after them);
  // asOf is the last of those days. BTC tiers 1-5 are identical in two independent live captures
  // (2026-08-09, 2026-09-25); BTC 6-19 and all ETH tiers rest on this one file. Deductions
  // follow the continuity recurrence (checked in the tests), so maintenance has no jump at an edge.
  // ETH tier 1 (300k, 0.3%, 200x) matches the ETH_USDT contract row of another capture dated
  // 2026-09-25, but that row carries invented fields and a risk_limit_max of 300M, so it corroborates
  // nothing above tier 1; positions past 300M USDT are where the two would disagree.
  bundled: [
    {
      venue: 'gate',
      symbol: 'BTC/USDT:USDT',
      basis: 'notional',
      source:
        'bundled:gate-btc-usdt-risk-limit-tiers-1-19 (third-party test fixture, not verified against Gate: GET /api/v4/futures/usdt/risk_limit_tiers rows, captured ≈ mid-Sept 2026, undated: belyjelli/ai-rates packages/adapters/__fixtures__/gate/risk-limit-tiers.json @a2d49d40; tiers 1-5 identical in live captures of 2026-08-09 (laelymenyon/gate-extreme-bot tests) and 2026-09-25)',
      asOf: recordedOn('2026-09-14'),
      tiers: chainTiers([
        { cap: 500_000, mmr: 0.003, maintenanceAmount: 0, maxLeverage: 200 },
        { cap: 1_000_000, mmr: 0.0035, maintenanceAmount: 250, maxLeverage: 150.01 },
        { cap: 1_500_000, mmr: 0.004, maintenanceAmount: 750, maxLeverage: 125 },
        { cap: 2_000_000, mmr: 0.0045, maintenanceAmount: 1500, maxLeverage: 110.01 },
        { cap: 3_000_000, mmr: 0.005, maintenanceAmount: 2500, maxLeverage: 100 },
        { cap: 5_000_000, mmr: 0.007, maintenanceAmount: 8500, maxLeverage: 80 },
        { cap: 10_000_000, mmr: 0.0085, maintenanceAmount: 16_000, maxLeverage: 60 },
        { cap: 15_000_000, mmr: 0.01, maintenanceAmount: 31_000, maxLeverage: 50 },
        { cap: 20_000_000, mmr: 0.012, maintenanceAmount: 61_000, maxLeverage: 40 },
        { cap: 30_000_000, mmr: 0.016, maintenanceAmount: 141_000, maxLeverage: 30 },
        { cap: 50_000_000, mmr: 0.02, maintenanceAmount: 261_000, maxLeverage: 25 },
        { cap: 70_000_000, mmr: 0.025, maintenanceAmount: 511_000, maxLeverage: 20 },
        { cap: 100_000_000, mmr: 0.03, maintenanceAmount: 861_000, maxLeverage: 15 },
        { cap: 200_000_000, mmr: 0.05, maintenanceAmount: 2_861_000, maxLeverage: 10 },
        { cap: 300_000_000, mmr: 0.07, maintenanceAmount: 6_861_000, maxLeverage: 7.5 },
        { cap: 500_000_000, mmr: 0.1, maintenanceAmount: 15_861_000, maxLeverage: 5 },
        { cap: 700_000_000, mmr: 0.12, maintenanceAmount: 25_861_000, maxLeverage: 4 },
        { cap: 1_000_000_000, mmr: 0.25, maintenanceAmount: 116_861_000, maxLeverage: 2 },
        { cap: 1_500_000_000, mmr: 0.5, maintenanceAmount: 366_861_000, maxLeverage: 1.05 },
      ]),
    },
    {
      venue: 'gate',
      symbol: 'ETH/USDT:USDT',
      basis: 'notional',
      source:
        'bundled:gate-eth-usdt-risk-limit-tiers-1-19 (third-party test fixture, not verified against Gate: GET /api/v4/futures/usdt/risk_limit_tiers rows, captured ≈ mid-Sept 2026, undated, single source for tiers 2-19: belyjelli/ai-rates packages/adapters/__fixtures__/gate/risk-limit-tiers.json @a2d49d40)',
      asOf: recordedOn('2026-09-14'),
      tiers: chainTiers([
        { cap: 300_000, mmr: 0.003, maintenanceAmount: 0, maxLeverage: 200 },
        { cap: 500_000, mmr: 0.0035, maintenanceAmount: 150, maxLeverage: 150.01 },
        { cap: 1_000_000, mmr: 0.004, maintenanceAmount: 400, maxLeverage: 125 },
        { cap: 2_000_000, mmr: 0.0045, maintenanceAmount: 900, maxLeverage: 110.01 },
        { cap: 3_000_000, mmr: 0.005, maintenanceAmount: 1900, maxLeverage: 100 },
        { cap: 5_000_000, mmr: 0.007, maintenanceAmount: 7900, maxLeverage: 80 },
        { cap: 10_000_000, mmr: 0.0085, maintenanceAmount: 15_400, maxLeverage: 60 },
        { cap: 15_000_000, mmr: 0.01, maintenanceAmount: 30_400, maxLeverage: 50 },
        { cap: 20_000_000, mmr: 0.012, maintenanceAmount: 60_400, maxLeverage: 40 },
        { cap: 30_000_000, mmr: 0.016, maintenanceAmount: 140_400, maxLeverage: 30 },
        { cap: 50_000_000, mmr: 0.02, maintenanceAmount: 260_400, maxLeverage: 25 },
        { cap: 70_000_000, mmr: 0.025, maintenanceAmount: 510_400, maxLeverage: 20 },
        { cap: 100_000_000, mmr: 0.03, maintenanceAmount: 860_400, maxLeverage: 15 },
        { cap: 200_000_000, mmr: 0.05, maintenanceAmount: 2_860_400, maxLeverage: 10 },
        { cap: 300_000_000, mmr: 0.07, maintenanceAmount: 6_860_400, maxLeverage: 7.5 },
        { cap: 500_000_000, mmr: 0.1, maintenanceAmount: 15_860_400, maxLeverage: 5 },
        { cap: 700_000_000, mmr: 0.12, maintenanceAmount: 25_860_400, maxLeverage: 4 },
        { cap: 1_000_000_000, mmr: 0.25, maintenanceAmount: 116_860_400, maxLeverage: 2 },
        { cap: 1_500_000_000, mmr: 0.5, maintenanceAmount: 366_860_400, maxLeverage: 1.05 },
      ]),
    },
  ],
};
