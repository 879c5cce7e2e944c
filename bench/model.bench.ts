// The key-less heatmap model over 30 days of 5m bars for three venues (issue 5 item 8).
// Input: the real Binance USDⓈ-M BTCUSDT 5m klines + openInterestHist file (15.3 days) made
// 30 days long by appending a time-shifted copy scaled to continue from its last close; the other
// two "venues" are that series scaled (price ×1.0004 / ×0.9997, OI ×0.6 / ×0.35), not real data.
// Volume is a stand-in (the file has none); see loadReal.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Bar } from '../core/model/book';
import { HeatmapModel } from '../core/model/heatmap';
import { modelSettings } from '../core/model/presets';
import type { ModelSettings } from '../core/model/types';
import type { VenueId } from '../core/types';
import type { BenchRow } from '../scripts/lib/bench-types.ts';

const FILE = 'test/fixtures/market/oi/binance_um_BTCUSDT_5m_klines_oiHist_merged_2026-06-07_2026-06-22.csv';
const BARS_PER_VENUE = 30 * 288;
const RUNS = 9;
const VENUES: { venue: VenueId; mmr: number; price: number; oi: number }[] = [
  { venue: 'binance', mmr: 0.004, price: 1, oi: 1 },
  { venue: 'bybit', mmr: 0.005, price: 1.0004, oi: 0.6 },
  { venue: 'okx', mmr: 0.004, price: 0.9997, oi: 0.35 },
];

function loadReal(): { bars: Bar[]; oi: number[] } {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const [header, ...lines] = fs.readFileSync(path.join(root, FILE), 'utf8').trim().split('\n');
  const col = (name: string) => header!.split(',').indexOf(name);
  const [t, o, h, l, c, oiCol] = ['timestamp', 'price_open', 'price_high', 'price_low', 'price_close', 'oi_close'].map(col) as number[];
  const bars: Bar[] = [];
  const oi: number[] = [];
  for (const line of lines) {
    const f = line.split(',').map(Number);
    // No volume in this file: the model splits new OI by candle colour. Turnover needs volume, so
    // each bar gets a stand-in: 0.3% of open interest (in coins) per 5m bar, the 1h fixtures'
    // median volume ÷ OI (3.6%) spread over 12 bars, so the churn's cost is in the figure.
    bars.push({ time: f[t!]!, open: f[o!]!, high: f[h!]!, low: f[l!]!, close: f[c!]!, volume: (0.003 * f[oiCol!]!) / f[c!]! });
    oi.push(f[oiCol!]!);
  }
  return { bars, oi };
}

function thirtyDays(real: { bars: Bar[]; oi: number[] }) {
  const bars: Bar[] = [];
  const oi: number[] = [];
  let scale = 1;
  let shift = 0;
  while (bars.length < BARS_PER_VENUE) {
    for (let i = 0; i < real.bars.length && bars.length < BARS_PER_VENUE; i++) {
      const b = real.bars[i]!;
      bars.push({ ...b, time: b.time + shift, open: b.open * scale, high: b.high * scale, low: b.low * scale, close: b.close * scale });
      oi.push(real.oi[i]! * scale);
    }
    const last = bars[bars.length - 1]!;
    scale = last.close / real.bars[0]!.open;
    shift = last.time + 300_000 - real.bars[0]!.time;
  }
  return { bars, oi };
}

/** A real gc() even without --expose-gc, so heap figures are not polluted by earlier garbage. */
function getGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// The default before turnover (issue 12): measured alongside, interleaved, so the churn's cost is a
// difference on the same machine at the same moment, not against a figure from another day.
const PRE_TURNOVER = { turnover: 0, entrySpread: 0.75, leverageSpread: 0 };

function build(series: { bars: Bar[]; oi: number[] }, onProgress?: () => void, overrides: Partial<ModelSettings> = {}) {
  const model = new HeatmapModel({
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    settings: modelSettings(undefined, { interval: '5m', ...overrides }),
    venues: VENUES.map(({ venue, mmr }) => ({ venue, mmr })),
  });
  // Interleave venues bar by bar, as the background would after fetching each venue's history.
  for (let i = 0; i < series.bars.length; i++) {
    const b = series.bars[i]!;
    for (const v of VENUES) {
      model.push(
        v.venue,
        { ...b, open: b.open * v.price, high: b.high * v.price, low: b.low * v.price, close: b.close * v.price, volume: b.volume * v.oi },
        series.oi[i]! * v.oi,
      );
    }
    if (onProgress && i % 500 === 0) onProgress();
  }
  return { model, snapshot: model.snapshot({ now: Date.now() }) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export default async function run(): Promise<BenchRow[]> {
  const series = thirtyDays(loadReal());
  const totalBars = series.bars.length * VENUES.length;
  const gc = getGc();

  // Memory first, in a clean heap: peak growth while building (sampled every 500 bars, garbage
  // included) and what stays referenced once built.
  gc();
  const before = used();
  const rssBefore = process.memoryUsage().rss;
  let peak = 0;
  const kept = build(series, () => {
    peak = Math.max(peak, used() - before);
  });
  peak = Math.max(peak, used() - before);
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  gc();
  const retained = used() - before;

  build(series); // warm-up (JIT)
  build(series, undefined, PRE_TURNOVER);
  const times: number[] = [];
  const timesPre: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let start = performance.now();
    build(series);
    times.push(performance.now() - start);
    start = performance.now();
    build(series, undefined, PRE_TURNOVER);
    timesPre.push(performance.now() - start);
  }
  const snapshotBytes = JSON.stringify({ ...kept.snapshot, history: undefined }).length;
  const ms = median(times);
  const mb = (bytes: number) => bytes / 1e6;
  const label = `${totalBars} 5m bars (30 d × 3 venues: real Binance BTCUSDT 5m + shifted/scaled copies)`;
  const history = kept.snapshot.history!;
  return [
    { name: `model build + snapshot, ${label}, median of ${RUNS}`, value: ms, unit: 'ms', goal: '< 100 ms', ok: ms < 100 },
    { name: `same, the pre-turnover default (turnover 0, spread 0.75, exact leverage), interleaved`, value: median(timesPre), unit: 'ms' },
    {
      name: 'model memory: peak heap + ArrayBuffer growth during the build (garbage included)',
      value: mb(peak),
      unit: 'MB',
      goal: '< 50 MB',
      ok: mb(peak) < 50,
    },
    { name: 'model memory: RSS growth during the build', value: mb(rssGrowth), unit: 'MB', goal: '< 50 MB', ok: mb(rssGrowth) < 50 },
    { name: 'model memory: retained after the build and a gc (model + snapshot + history)', value: mb(retained), unit: 'MB' },
    { name: 'snapshot size as JSON, without heat history', value: snapshotBytes / 1e3, unit: 'kB' },
    { name: `heat history: rows kept (1 h each), ${history.rows[0]?.length ?? 0} Float32 cells per row`, value: history.rows.length, unit: 'rows' },
  ];
}
