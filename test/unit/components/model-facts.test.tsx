// @vitest-environment happy-dom
// Issue 12 items 2 and 4 on screen: what a band's dollars cover, the backtest's measured ratio in
// the details, and the seed's two sentences, in English and Simplified Chinese.
import { afterEach, describe, expect, it } from 'vitest';
import { Overlay, type OverlayProps } from '@/components/overlay/Overlay';
import { BandCoverage } from '@/components/overlay/BandCoverage';
import { SeedSentences } from '@/components/shared/SeedSentences';
import { createStore } from '@/core/overlay/observable';
import { INITIAL_DATA, reduceOverlay } from '@/core/overlay/state';
import type { OrderState } from '@/core/overlay/order-view';
import { computeLiquidation } from '@/core/liquidation/engine';
import { calibrationNote, seedStatement } from '@/core/model/seed-statement';
import { MODEL_FORMAT_VERSION } from '@/core/model/format-version';
import { CALIBRATION } from '@/core/model/calibration';
import { DEFAULT_PRESET } from '@/core/model/presets';
import type { HeatmapSnapshot } from '@/core/model/types';
import { heatmap as fixtureHeatmap, NOW, snapshot } from '../overlay/fixtures';
import { flush, mount } from './render';
import { ModelShares } from '@/components/options/ModelShares';
import { oiShares } from '@/core/model/oi-share';
import type { RequestFn } from '@/core/messages/client';
import '@/core/i18n/zh_CN';

/** The fixture heatmap as the background sends it: with the seed and the shipped calibration. */
function sent(venues: HeatmapSnapshot['venues'] = ['binance', 'bybit', 'okx']): HeatmapSnapshot {
  const h = fixtureHeatmap({ venues });
  return { ...h, seed: seedStatement(h), calibration: calibrationNote({ preset: DEFAULT_PRESET }, MODEL_FORMAT_VERSION)! };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});
async function show(ui: preact.ComponentChildren, language: 'en' | 'zh_CN' = 'en') {
  const m = await mount(ui, language, language === 'zh_CN' ? 'zh' : 'en');
  cleanup = m.unmount;
  return m;
}

describe('band coverage', () => {
  it('names the venues actually modelled for the snapshot, not a fixed list', async () => {
    const { text } = await show(<BandCoverage heatmap={sent(['binance', 'okx'])} expanded={false} />);
    expect(text('band-coverage-venues')).toBe('Binance + OKX, estimate');
    expect(text('band-calibration')).toBeNull();
  });

  it("in the details: the shipped backtest's ratio, its window and what it modelled", async () => {
    const { text } = await show(<BandCoverage heatmap={sent()} expanded />);
    const ref = CALIBRATION.windows.find((w) => w.reference)!;
    expect(text('band-coverage-venues')).toBe('Binance + Bybit + OKX, estimate');
    const line = text('band-calibration')!;
    expect(line).toContain(`${ref.from} – ${ref.to}`);
    expect(line).toContain(`${ref.long.realizedOverPredicted}× the estimate for longs`);
    expect(line).toContain(`${ref.short.realizedOverPredicted}× for shorts`);
    expect(line).toContain('modelling Binance alone');
    expect(line).toContain('realized liquidations on Binance + Bybit + OKX');
  });

  it('says so when the shipped table does not cover the preset', async () => {
    const { calibration: _c, ...h } = sent();
    const { text } = await show(<BandCoverage heatmap={h} expanded />);
    expect(text('band-calibration')).toMatch(/covers the default setting only/);
  });
});

describe('seed sentences', () => {
  it('two sentences from the model, labelled as an estimate with the venues', async () => {
    const { text } = await show(<SeedSentences heatmap={sent()} />);
    // Fixture: the densest long band is $76.0k–$75.0k; its hand-built cumulative USD is its own $512M
    // (the cumulative sum itself is checked on recorded data in test/unit/model/seed-statement.test.ts).
    expect(text('seed-long')).toBe('≈$512M of longs would be liquidated between the price and $75.0k (−9.2%)');
    expect(text('seed-short')).toBe('≈$698M of shorts between the price and $85.9k (+4.0%)');
    expect(text('seed-sentences')).toContain('estimate, Binance + Bybit + OKX');
  });

  it('in Simplified Chinese', async () => {
    const { text } = await show(<SeedSentences heatmap={sent()} />, 'zh_CN');
    expect(text('seed-long')).toMatch(/多单会被强平/);
    expect(text('seed-sentences')).toContain('估算');
  });

  it('in the overlay: coverage always, sentences and calibration only in the details', async () => {
    const data = [
      { type: 'market' as const, market: { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' } },
      { type: 'snapshot' as const, snapshot: snapshot({ heatmap: sent() }) },
    ].reduce(reduceOverlay, INITIAL_DATA);
    const props = (expanded: boolean): OverlayProps => ({
      data,
      now: NOW,
      order: createStore<OrderState>({ kind: 'waiting' }),
      compute: computeLiquidation,
      pagePrice: null,
      expanded,
      theme: 'dark',
      position: { x: 20, y: 500 },
      windowPct: 10,
      onExpandedChange: () => undefined,
      onClose: () => undefined,
      onMove: () => undefined,
    });
    const compact = await show(<Overlay {...props(false)} />);
    expect(compact.text('band-coverage-venues')).toBe('Binance + Bybit + OKX, estimate');
    expect(compact.q('seed-sentences')).toBeNull();
    await cleanup?.();
    const expanded = await show(<Overlay {...props(true)} />);
    expect(expanded.q('seed-long')).not.toBeNull();
    expect(expanded.q('band-calibration')).not.toBeNull();
  });
});

describe('options: share of the modelled OI', () => {
  it('per market, each venue with its share, the total and the age of the snapshot', async () => {
    const h = fixtureHeatmap({
      venueOi: { binance: { usd: 8.2e9, time: NOW }, bybit: { usd: 5.1e9, time: NOW }, okx: { usd: 2.7e9, time: NOW } },
      provenance: { ...fixtureHeatmap().provenance, fetchedAt: NOW - 3 * 60_000 },
    });
    const request = (async (command: string) => (command === 'model.shares' ? [oiShares(h)] : [])) as unknown as RequestFn;
    const { text } = await show(<ModelShares request={request} now={NOW} />);
    await flush();
    expect(text('opt-oi-share-binance-BTC')).toBe('BTC/USDT (Binance): Binance 51% · Bybit 32% · OKX 17% of $16.0B open interest, built 3 min ago');
  });

  it('says how to get figures when no market was modelled yet', async () => {
    const request = (async () => []) as unknown as RequestFn;
    const { q } = await show(<ModelShares request={request} now={NOW} />);
    await flush();
    expect(q('opt-oi-shares-none')).not.toBeNull();
  });
});
