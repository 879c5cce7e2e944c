import type { Market, VenueId } from '../types';
import { cellCentre, cumulativeCurves, findBands, splitCell } from './bands';
import { VenueBook, type Bar, type BarOutcome, type PriceGrid } from './book';
import type { HeatHistory, HeatmapSnapshot, ModelSettings } from './types';
import { MODEL_FORMAT_VERSION } from './format-version';

export interface VenueInput {
  venue: VenueId;
  /** Maintenance margin rate of the venue's first tier for this market (e.g. 0.004 for Binance BTCUSDT). */
  mmr: number;
}

export interface HeatmapOptions {
  market: Market;
  settings: ModelSettings;
  venues: VenueInput[];
  /** Window for bands and imbalance, ± % of price. */
  windowPct?: number;
  /** Grid cell as a fraction of the first price, rounded to a 1/2/2.5/5 step. */
  gridStepFraction?: number;
  /** Half-width of the grid as a fraction of price; the grid slides when price nears an edge. */
  gridSpanFraction?: number;
  /** One heat-history row per this many ms; null: no history. */
  historyRowMs?: number | null;
  historyRows?: number;
  /** History rows merge this many grid cells into one. */
  historyCoarsen?: number;
}

/** An OI observation: USD open interest at `time` (the close of the bar that opened at `time − interval`). */
export interface OiPoint {
  time: number;
  usd: number;
}

/**
 * OI as venues report it (structurally core/net/market-data's OpenInterestPoint): USD value, base
 * coins, or both. Coins are valued at the bar's close when USD is missing.
 */
export interface OpenInterestInput {
  time: number;
  usd?: number;
  base?: number;
}

const SOURCE = 'model:liqlens-oi-delta';

/**
 * The key-less liquidation heatmap of one market over several venues: each venue's book is fed its
 * own bars and open interest; books share one price grid so venues add up in USD cell by cell.
 * Feed it bar by bar (`push`) or in batches (`update`), and read it with `snapshot`.
 */
export class HeatmapModel {
  readonly settings: ModelSettings;
  readonly market: Market;
  readonly windowPct: number;
  readonly intervalMs: number;
  private grid: PriceGrid | null = null;
  private readonly books = new Map<VenueId, VenueBook>();
  private readonly mmrs = new Map<VenueId, number>();
  private readonly lastClose = new Map<VenueId, number>();
  private readonly lastOi = new Map<VenueId, { usd: number; time: number }>();
  private readonly stepFraction: number;
  private readonly spanFraction: number;
  private readonly historyRowMs: number | null;
  private readonly historyRows: number;
  private readonly coarsen: number;
  /** Per venue, oldest first: that venue's levels at the end of each history bucket it reached. */
  private readonly history = new Map<VenueId, HistoryRow[]>();
  private lastPrice = NaN;

  constructor(options: HeatmapOptions) {
    if (options.venues.length === 0) throw new Error('a heatmap needs at least one venue');
    this.settings = options.settings;
    this.market = options.market;
    this.windowPct = options.windowPct ?? 10;
    this.intervalMs = intervalMs(options.settings.interval);
    this.stepFraction = options.gridStepFraction ?? 0.0005;
    this.spanFraction = options.gridSpanFraction ?? 0.4;
    this.historyRowMs = options.historyRowMs === undefined ? 3_600_000 : options.historyRowMs;
    this.historyRows = options.historyRows ?? 720;
    this.coarsen = options.historyCoarsen ?? 4;
    for (const v of options.venues) this.mmrs.set(v.venue, v.mmr);
  }

  get priceGrid(): Readonly<PriceGrid> | null {
    return this.grid;
  }

  book(venue: VenueId): VenueBook | undefined {
    return this.books.get(venue);
  }

  /** Feeds one closed bar of `venue` with the OI (USD) at its close, or null when unknown. */
  push(venue: VenueId, bar: Bar, oiUsd: number | null): BarOutcome {
    if (!validBar(bar)) throw new RangeError(`invalid bar at ${bar.time} for ${venue}`);
    const book = this.bookFor(venue, bar.close);
    if (book.lastTime !== null && bar.time <= book.lastTime) {
      throw new RangeError(`bar ${bar.time} for ${venue} is not newer than ${book.lastTime}`);
    }
    const outcome = book.step(bar, oiUsd);
    this.lastClose.set(venue, bar.time + this.intervalMs);
    if (oiUsd !== null && Number.isFinite(oiUsd) && oiUsd >= 0) this.lastOi.set(venue, { usd: oiUsd, time: bar.time + this.intervalMs });
    this.lastPrice = bar.close;
    this.slideIfNeeded(bar.close);
    this.recordHistory(venue, book, bar.time + this.intervalMs);
    return outcome;
  }

  /**
   * Appends the bars newer than what `venue` has seen, each with the OI point at its close
   * (`oi` time = bar open + interval, or = bar open when `oiAt` is 'open', as in the backtest CSVs).
   */
  update(venue: VenueId, bars: readonly Bar[], oi: readonly OpenInterestInput[], oiAt: 'close' | 'open' = 'close'): number {
    const byTime = new Map<number, OpenInterestInput>();
    for (const p of oi) byTime.set(p.time, p);
    for (let i = 1; i < bars.length; i++) {
      const gap = bars[i]!.time - bars[i - 1]!.time;
      if (gap > 0 && gap < this.intervalMs) {
        throw new RangeError(`${venue} bars are ${gap / 60_000} min apart but the model runs on ${this.settings.interval} bars`);
      }
    }
    const seen = this.books.get(venue)?.lastTime ?? -Infinity;
    let fed = 0;
    for (const bar of bars) {
      if (bar.time <= seen) continue;
      const key = oiAt === 'close' ? bar.time + this.intervalMs : bar.time;
      const point = byTime.get(key);
      const usd = point?.usd ?? (point?.base !== undefined ? point.base * bar.close : null);
      this.push(venue, bar, usd !== null && Number.isFinite(usd) ? usd : null);
      fed++;
    }
    return fed;
  }

  snapshot(options: { now?: number; price?: number; includeHistory?: boolean } = {}): HeatmapSnapshot {
    const grid = this.grid;
    const price = options.price ?? this.lastPrice;
    const venues = [...this.books.keys()];
    const venueDataTime: Partial<Record<VenueId, number>> = {};
    let dataTime = 0;
    for (const [venue, time] of this.lastClose) {
      venueDataTime[venue] = time;
      dataTime = Math.max(dataTime, time);
    }
    const venueOi: Partial<Record<VenueId, { usd: number; time: number }>> = {};
    for (const [venue, oi] of this.lastOi) venueOi[venue] = { ...oi };
    const provenance = {
      source: SOURCE,
      kind: 'estimate' as const,
      access: 'keyless' as const,
      dataTime,
      fetchedAt: options.now ?? Date.now(),
    };
    if (!grid || !Number.isFinite(price)) {
      return {
        market: this.market,
        price: Number.isFinite(price) ? price : 0,
        grid: { min: 0, step: 0, count: 0 },
        longUsd: [],
        shortUsd: [],
        cumulative: { long: [], short: [] },
        bands: { long: [], short: [], windowPct: this.windowPct },
        imbalance: { longUsd: 0, shortUsd: 0 },
        venues,
        venueDataTime,
        venueOi,
        formatVersion: MODEL_FORMAT_VERSION,
        settings: this.settings,
        provenance,
      };
    }
    const { long, short } = this.summed();
    const cumulative = cumulativeCurves(grid, long, short, price);
    const lowCell = splitCell(grid, price * (1 - this.windowPct / 100));
    const highCell = splitCell(grid, price * (1 + this.windowPct / 100)) - 1;
    return {
      market: this.market,
      price,
      grid: { ...grid },
      longUsd: Array.from(long),
      shortUsd: Array.from(short),
      cumulative: { long: Array.from(cumulative.long), short: Array.from(cumulative.short) },
      bands: {
        long: findBands(grid, long, cumulative.long, price, 'long', this.windowPct),
        short: findBands(grid, short, cumulative.short, price, 'short', this.windowPct),
        windowPct: this.windowPct,
      },
      imbalance: {
        longUsd: lowCell > 0 ? cumulative.long[lowCell]! : (cumulative.long[0] ?? 0),
        shortUsd: highCell >= 0 && highCell < grid.count ? cumulative.short[highCell]! : (cumulative.short[grid.count - 1] ?? 0),
      },
      venues,
      venueDataTime,
      venueOi,
      formatVersion: MODEL_FORMAT_VERSION,
      ...(options.includeHistory === false ? {} : { history: this.heatHistory() }),
      settings: this.settings,
      provenance,
    };
  }

  /** USD per cell summed over venues. */
  summed(): { long: Float64Array; short: Float64Array } {
    const n = this.grid?.count ?? 0;
    const long = new Float64Array(n);
    const short = new Float64Array(n);
    for (const book of this.books.values()) {
      const ml = book.longMult;
      const ms = book.shortMult;
      for (let i = 0; i < n; i++) {
        long[i] = long[i]! + book.long[i]! * ml;
        short[i] = short[i]! + book.short[i]! * ms;
      }
    }
    return { long, short };
  }

  /**
   * Heat over time, summed over venues. Each venue's rows are recorded as its own bars arrive, so
   * venues fed one after another (or lagging) still add up per bucket; a venue with no row for a
   * bucket contributes its latest earlier row (it had no newer bar, so that is its state).
   */
  heatHistory(): HeatHistory {
    const buckets = new Set<number>();
    for (const rows of this.history.values()) for (const r of rows) buckets.add(r.bucket);
    const wanted = [...buckets].sort((a, b) => a - b).slice(-this.historyRows);
    const out: HeatHistory = { times: [], rowGrids: [], rows: [] };
    const cursor = new Map<VenueId, number>();
    for (const bucket of wanted) {
      let base: HistoryRow | null = null;
      const parts: HistoryRow[] = [];
      for (const [venue, rows] of this.history) {
        let k = cursor.get(venue) ?? -1;
        while (k + 1 < rows.length && rows[k + 1]!.bucket <= bucket) k++;
        cursor.set(venue, k);
        const row = rows[k];
        if (!row) continue;
        parts.push(row);
        if (row.bucket === bucket && (!base || row.time > base.time)) base = row;
      }
      if (!base) continue;
      const sum = new Float32Array(base.row.length);
      for (const part of parts) {
        // Rows start at multiples of the coarse step (the grid slides by whole coarse cells).
        const offset = Math.round((part.grid.min - base.grid.min) / base.grid.step);
        for (let i = 0; i < part.row.length; i++) {
          const j = i + offset;
          if (j >= 0 && j < sum.length) sum[j] = sum[j]! + part.row[i]!;
        }
      }
      out.times.push(base.time);
      out.rowGrids.push({ ...base.grid });
      out.rows.push(sum);
    }
    return out;
  }

  /** Price at the centre of cell i of the current grid. */
  cellPrice(i: number): number {
    if (!this.grid) throw new Error('no grid yet');
    return cellCentre(this.grid, i);
  }

  private bookFor(venue: VenueId, price: number): VenueBook {
    let book = this.books.get(venue);
    if (book) return book;
    const mmr = this.mmrs.get(venue);
    if (mmr === undefined) throw new Error(`venue ${venue} is not part of this heatmap`);
    if (!this.grid) this.grid = makeGrid(price, this.stepFraction, this.spanFraction);
    book = new VenueBook(this.grid, this.settings, mmr);
    this.books.set(venue, book);
    return book;
  }

  /** Keeps price in the middle half of the grid by sliding every book by whole cells. */
  private slideIfNeeded(price: number): void {
    const grid = this.grid!;
    const cell = (price - grid.min) / grid.step;
    if (cell >= grid.count * 0.25 && cell <= grid.count * 0.75) return;
    // Whole coarse cells, so heat-history rows recorded before and after the slide still align.
    const c = this.coarsen;
    const cells = Math.round((cell - grid.count / 2) / c) * c;
    grid.min += cells * grid.step;
    for (const book of this.books.values()) book.shift(cells);
  }

  private recordHistory(venue: VenueId, book: VenueBook, closeTime: number): void {
    if (this.historyRowMs === null) return;
    const bucket = Math.floor(closeTime / this.historyRowMs);
    let rows = this.history.get(venue);
    if (!rows) this.history.set(venue, (rows = []));
    if (rows.length && rows[rows.length - 1]!.bucket >= bucket) return;
    const grid = this.grid!;
    const c = this.coarsen;
    const rowCount = Math.ceil(grid.count / c);
    const reuse = rows.length >= this.historyRows ? rows.shift()!.row : null;
    const row = reuse && reuse.length === rowCount ? reuse.fill(0) : new Float32Array(rowCount);
    const ml = book.longMult;
    const ms = book.shortMult;
    for (let i = 0; i < grid.count; i++) {
      const k = (i / c) | 0;
      row[k] = row[k]! + book.long[i]! * ml + book.short[i]! * ms;
    }
    rows.push({ bucket, time: closeTime, grid: { min: grid.min, step: grid.step * c, count: rowCount }, row });
  }
}

interface HistoryRow {
  bucket: number;
  time: number;
  grid: PriceGrid;
  row: Float32Array;
}

export function createHeatmapModel(options: HeatmapOptions): HeatmapModel {
  return new HeatmapModel(options);
}

/** A fixed grid around `price`: step = price × fraction rounded to 1/2/2.5/5 × 10^k. */
export function makeGrid(price: number, stepFraction: number, spanFraction: number): PriceGrid {
  const step = niceStep(price * stepFraction);
  const half = Math.ceil((price * spanFraction) / step);
  const min = Math.floor(price / step) * step - half * step;
  return { min, step, count: 2 * half };
}

export function niceStep(raw: number): number {
  const exp = Math.floor(Math.log10(raw));
  const unit = 10 ** exp;
  const m = raw / unit;
  const nice = m < 1.5 ? 1 : m < 2.25 ? 2 : m < 3.5 ? 2.5 : m < 7.5 ? 5 : 10;
  return nice * unit;
}

export function intervalMs(interval: string): number {
  const match = /^(\d+)([mhdw])$/.exec(interval);
  if (!match) throw new Error(`unknown bar interval "${interval}"`);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 'm' | 'h' | 'd' | 'w'];
  return Number(match[1]) * unit;
}

function validBar(bar: Bar): boolean {
  return (
    Number.isFinite(bar.time) &&
    bar.low > 0 &&
    bar.high >= bar.low &&
    Number.isFinite(bar.high) &&
    bar.open >= bar.low &&
    bar.open <= bar.high &&
    bar.close >= bar.low &&
    bar.close <= bar.high &&
    bar.volume >= 0
  );
}
