// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkTotals } from '@/components/liquidations/NetworkTotals';
import type { NetworkTotals as NetworkFigure, RealizedTotals } from '@/core/realized/types';
import { mount } from './render';

const NOW = Date.UTC(2025, 10, 21, 12);
/** The seed's figures for 21 Nov 2025 as a CoinAnk answer would carry them (built from the seed report, not recorded). */
const btc: NetworkFigure = {
  source: 'coinank:coin-intervals',
  coin: 'BTC',
  fetchedAt: NOW - 3 * 60_000,
  windows: { '24h': { totalUsd: 683e6, longUsd: 640e6, shortUsd: 43e6 }, '1h': { totalUsd: 20e6, longUsd: null, shortUsd: null } },
};
const ours: RealizedTotals = {
  totalUsd: 300e6,
  longUsd: 280e6,
  shortUsd: 20e6,
  byVenue: {},
  byAsset: { BTC: { longUsd: 250e6, shortUsd: 23.2e6 } },
};

let unmount: (() => Promise<void>) | null = null;
afterEach(async () => {
  await unmount?.();
  unmount = null;
});

describe("CoinAnk's network-wide totals beside what our venues saw", () => {
  it('says the network figure, its sides, the share our venues saw, its source and age', async () => {
    const m = await mount(<NetworkTotals network={[btc]} totals={ours} window="24h" now={NOW} />);
    unmount = m.unmount;
    const row = m.container.querySelector('[data-coin="BTC"]')?.textContent ?? '';
    expect(row).toContain('BTC 24h: $683M');
    expect(row).toMatch(/\$640M.*\$43\.0M/);
    expect(row).toContain('the venues above saw $273M of it (40%)');
    expect(row).toContain('CoinAnk, 3 min ago');
  });

  it('leaves out sides that do not add up, and says when CoinAnk has no figure for the window', async () => {
    const hour = await mount(<NetworkTotals network={[btc]} totals={ours} window="1h" now={NOW} />);
    expect(hour.container.textContent).toContain('BTC 1h: $20.0M');
    expect(hour.container.textContent).not.toMatch(/longs|shorts/);
    await hour.unmount();
    const four = await mount(<NetworkTotals network={[btc]} totals={ours} window="4h" now={NOW} />);
    unmount = four.unmount;
    expect(four.container.textContent).toContain('BTC: CoinAnk gives no 4h figure');
  });

  it('shows a share over 100% as it is, flagged, and an unknown age as unknown', async () => {
    const big: RealizedTotals = { ...ours, byAsset: { BTC: { longUsd: 700e6, shortUsd: 50e6 } } };
    const m = await mount(<NetworkTotals network={[{ ...btc, fetchedAt: undefined as unknown as number }]} totals={big} window="24h" now={NOW} />);
    unmount = m.unmount;
    const row = m.container.querySelector('[data-coin="BTC"]')?.textContent ?? '';
    expect(row).toContain('saw $750M of it (110%) (more than CoinAnk counts');
    expect(row).toContain('CoinAnk, age unknown');
    expect(row).not.toContain('NaN');
  });

  it('renders nothing without a CoinAnk figure', async () => {
    const m = await mount(<NetworkTotals network={[]} totals={ours} window="24h" now={NOW} />);
    unmount = m.unmount;
    expect(m.q('liq-network')).toBeNull();
  });
});
