import { isolatedLiquidationRatio } from './liquidation-ratio';
import type { ModelSettings } from './types';

/** One bar of a venue's klines. `takerBuyVolume` is absent where the venue does not publish it. */
export interface Bar {
  /** Epoch ms of the bar's open. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  takerBuyVolume?: number;
  /** Quote-currency volume; with `volume` it gives the bar's VWAP. */
  quoteVolume?: number;
}

/** A fixed linear price grid shared by every venue of a market: cell i covers [min + i·step, min + (i+1)·step). */
export interface PriceGrid {
  min: number;
  step: number;
  count: number;
}

/** USD the model predicted would be liquidated by one bar's range (what it removed by consumption). */
export interface BarOutcome {
  consumedLong: number;
  consumedShort: number;
}

const LN2 = Math.LN2;
const HOUR_MS = 3_600_000;
const RENORMALIZE_BELOW = 1e-120;

/**
 * The modelled leveraged positions of one venue and market, as USD per grid cell and side.
 * No per-position objects: levels live in two Float64Arrays. Decay and pro-rata OI decreases are
 * uniform scalings, so they change one multiplier per side (stored × multiplier = USD) instead of
 * touching every cell; consumption only walks the cells price actually traded through.
 */
export class VenueBook {
  readonly long: Float64Array;
  readonly short: Float64Array;
  longMult = 1;
  shortMult = 1;
  /** Σ stored values per side (× multiplier = USD). */
  private longStored = 0;
  private shortStored = 0;
  /** Upper bound of the highest non-empty long cell; lower bound of the lowest non-empty short cell. */
  private longHi = -1;
  private shortLo: number;
  private lastOi: number | null = null;
  lastTime: number | null = null;
  /** USD that fell outside the grid (levels too far away to matter for a ±window view). */
  droppedUsd = 0;
  /** Liquidation price / entry per leverage bucket, at the bucket's low and high leverage. */
  private readonly longRatios: Float64Array;
  private readonly shortRatios: Float64Array;
  private readonly longRatiosWide: Float64Array;
  private readonly shortRatiosWide: Float64Array;
  private readonly weights: Float64Array;

  constructor(
    private readonly grid: PriceGrid,
    private readonly settings: ModelSettings,
    mmr: number,
  ) {
    this.long = new Float64Array(grid.count);
    this.short = new Float64Array(grid.count);
    this.shortLo = grid.count;
    const total = settings.leverageWeights.reduce((s, w) => s + w.weight, 0);
    if (!(total > 0)) throw new Error('leverage weights must sum to more than 0');
    const n = settings.leverageWeights.length;
    this.longRatios = new Float64Array(n);
    this.shortRatios = new Float64Array(n);
    this.longRatiosWide = new Float64Array(n);
    this.shortRatiosWide = new Float64Array(n);
    this.weights = new Float64Array(n);
    const spread = Math.min(0.9, Math.max(0, settings.leverageSpread));
    settings.leverageWeights.forEach((w, i) => {
      const low = Math.max(1, w.leverage * (1 - spread));
      const high = w.leverage * (1 + spread);
      // Higher leverage puts a long's level higher (nearer entry) and a short's lower.
      this.longRatios[i] = isolatedLiquidationRatio('long', low, mmr);
      this.longRatiosWide[i] = isolatedLiquidationRatio('long', high, mmr);
      this.shortRatios[i] = isolatedLiquidationRatio('short', high, mmr);
      this.shortRatiosWide[i] = isolatedLiquidationRatio('short', low, mmr);
      this.weights[i] = w.weight / total;
    });
  }

  get longTotalUsd(): number {
    return this.longStored * this.longMult;
  }
  get shortTotalUsd(): number {
    return this.shortStored * this.shortMult;
  }

  /** USD of longs in cell i (and likewise `shortAt`). */
  longAt(i: number): number {
    return this.long[i]! * this.longMult;
  }
  shortAt(i: number): number {
    return this.short[i]! * this.shortMult;
  }

  /**
   * Advances the book by one closed bar: fade, consume what the bar traded through, then open or
   * close positions by the change in open interest (`oiUsd` = OI in USD at the bar's close; null
   * when the venue has no OI point for it: positions are then neither opened nor closed).
   */
  step(bar: Bar, oiUsd: number | null): BarOutcome {
    this.decayTo(bar.time);
    const outcome = this.consume(bar.low, bar.high);
    if (oiUsd !== null && Number.isFinite(oiUsd) && oiUsd >= 0) {
      const oi = this.settings.oiUnits === 'base' ? oiUsd / bar.close : oiUsd;
      const entry = entryPrice(bar, this.settings.entry);
      let openUsd = 0;
      if (this.lastOi !== null) {
        const deltaUsd = this.settings.oiUnits === 'base' ? (oi - this.lastOi) * entry : oi - this.lastOi;
        if (deltaUsd > 0) openUsd = deltaUsd;
        else if (deltaUsd < 0) {
          const consumed = this.settings.netConsumedFromOiDecrease ? outcome.consumedLong + outcome.consumedShort : 0;
          if (-deltaUsd > consumed) this.close(-deltaUsd - consumed, bar.close);
        }
      }
      const share = this.turnoverShare(bar, entry, oiUsdOf(oi, entry, this.settings.oiUnits));
      if (share > 0) {
        // The bar's new positions turn over like the rest: (book + new) × (1 − share), then the
        // share reopens. Scaling is uniform, so the new part is opened already scaled (one pass).
        const bookUsd = this.longTotalUsd + this.shortTotalUsd + openUsd;
        this.scale(1 - share);
        openUsd = openUsd * (1 - share) + share * (this.settings.turnoverOf === 'book' ? bookUsd : oiUsdOf(oi, entry, this.settings.oiUnits));
      }
      if (openUsd > 0) this.open(bar, entry, openUsd);
      this.lastOi = oi;
    }
    this.lastTime = bar.time;
    return outcome;
  }

  /**
   * Turnover: the share of open interest that closes and reopens in this bar, `turnover` × the
   * bar's volume (USD) ÷ open interest (USD), capped at 1; 0 without volume or open interest.
   */
  private turnoverShare(bar: Bar, entry: number, oiUsd: number): number {
    const k = this.settings.turnover;
    if (!(k > 0) || !(oiUsd > 0) || !(bar.volume > 0)) return 0;
    const volumeUsd = bar.quoteVolume !== undefined && bar.quoteVolume > 0 ? bar.quoteVolume : bar.volume * entry;
    const share = Math.min(1, (k * volumeUsd) / oiUsd);
    return share > 0 ? share : 0;
  }

  /** Scales every level of both sides by `keep` (a pro-rata close). */
  private scale(keep: number): void {
    if (keep <= 0) {
      this.clear();
      return;
    }
    this.longMult *= keep;
    this.shortMult *= keep;
    this.renormalizeIfTiny();
  }

  /** Slides the book by `cells` (positive: the grid moved up by that many steps). */
  shift(cells: number): void {
    if (cells === 0) return;
    for (const [arr, mult] of [
      [this.long, this.longMult],
      [this.short, this.shortMult],
    ] as const) {
      const n = arr.length;
      let lost = 0;
      if (cells > 0) {
        for (let i = 0; i < Math.min(cells, n); i++) lost += arr[i]!;
        arr.copyWithin(0, Math.min(cells, n));
        arr.fill(0, Math.max(0, n - cells));
      } else {
        const c = -cells;
        for (let i = Math.max(0, n - c); i < n; i++) lost += arr[i]!;
        arr.copyWithin(Math.min(c, n), 0, Math.max(0, n - c));
        arr.fill(0, 0, Math.min(c, n));
      }
      this.droppedUsd += lost * mult;
    }
    this.longHi = Math.min(this.grid.count - 1, this.longHi - cells);
    this.shortLo = Math.max(0, this.shortLo - cells);
    this.recount();
  }

  private decayTo(time: number): void {
    const halfLife = this.settings.decayHalfLifeHours;
    if (halfLife === null || this.lastTime === null || time <= this.lastTime) return;
    const f = Math.exp((-LN2 * (time - this.lastTime)) / (halfLife * HOUR_MS));
    this.longMult *= f;
    this.shortMult *= f;
    this.renormalizeIfTiny();
  }

  /** Longs liquidate at or above the bar's low, shorts at or below its high (cell centres). */
  private consume(low: number, high: number): BarOutcome {
    const { min, step, count } = this.grid;
    const keep = 1 - Math.min(1, Math.max(0, this.settings.consumeFraction));
    let consumedLong = 0;
    const firstLong = Math.max(0, Math.ceil((low - min) / step - 0.5));
    if (firstLong <= this.longHi) {
      const long = this.long;
      for (let i = firstLong; i <= this.longHi; i++) {
        const v = long[i]!;
        consumedLong += v * (1 - keep);
        long[i] = v * keep;
      }
      this.longStored = Math.max(0, this.longStored - consumedLong);
      if (keep === 0) this.longHi = firstLong - 1;
    }
    let consumedShort = 0;
    const lastShort = Math.min(count - 1, Math.floor((high - min) / step - 0.5));
    if (lastShort >= this.shortLo) {
      const short = this.short;
      for (let i = this.shortLo; i <= lastShort; i++) {
        const v = short[i]!;
        consumedShort += v * (1 - keep);
        short[i] = v * keep;
      }
      this.shortStored = Math.max(0, this.shortStored - consumedShort);
      if (keep === 0) this.shortLo = lastShort + 1;
    }
    return { consumedLong: consumedLong * this.longMult, consumedShort: consumedShort * this.shortMult };
  }

  private open(bar: Bar, entry: number, usd: number): void {
    const longShare = takerLongShare(bar, this.settings.sideSplit);
    const f = Math.min(1, Math.max(0, this.settings.entrySpread));
    const lo = entry - f * (entry - bar.low);
    const hi = entry + f * (bar.high - entry);
    for (let j = 0; j < this.weights.length; j++) {
      const w = this.weights[j]! * usd;
      if (longShare > 0) {
        this.addRange(true, lo * this.longRatios[j]!, hi * this.longRatiosWide[j]!, (w * longShare) / this.longMult);
      }
      if (longShare < 1) {
        this.addRange(false, lo * this.shortRatios[j]!, hi * this.shortRatiosWide[j]!, (w * (1 - longShare)) / this.shortMult);
      }
    }
  }

  /** Adds `stored` spread uniformly over the prices [a, b] (a point when a = b). */
  private addRange(isLong: boolean, a: number, b: number, stored: number): void {
    const { min, step, count } = this.grid;
    const arr = isLong ? this.long : this.short;
    const x0 = (a - min) / step;
    const x1 = (b - min) / step;
    let placed = 0;
    let lowest = count;
    let highest = -1;
    if (x1 - x0 < 1e-9) {
      const i = Math.floor(x0);
      if (i >= 0 && i < count) {
        arr[i] = arr[i]! + stored;
        placed = stored;
        lowest = highest = i;
      }
    } else {
      // Uniform density over [x0, x1]: partial edge cells, whole cells in between (the hot loop:
      // turnover reopens every bar over the whole leverage spread).
      const density = stored / (x1 - x0);
      const first = Math.floor(x0);
      const last = Math.floor(x1);
      const from = Math.max(0, first);
      const to = Math.min(last, count - 1);
      if (from <= to) {
        if (first === last) {
          arr[first] = arr[first]! + stored;
          placed = stored;
        } else {
          if (first >= 0) arr[first] = arr[first]! + (first + 1 - x0) * density;
          const innerEnd = Math.min(last - 1, to);
          for (let i = Math.max(0, first + 1); i <= innerEnd; i++) arr[i] = arr[i]! + density;
          if (last <= to) arr[last] = arr[last]! + (x1 - last) * density;
          // what fell inside [from, to + 1) of [x0, x1]
          placed = (Math.min(x1, to + 1) - Math.max(x0, from)) * density;
        }
        lowest = from;
        highest = to;
      }
    }
    if (isLong) {
      this.longStored += placed;
      this.droppedUsd += (stored - placed) * this.longMult;
      if (highest > this.longHi) this.longHi = highest;
    } else {
      this.shortStored += placed;
      this.droppedUsd += (stored - placed) * this.shortMult;
      if (lowest < this.shortLo) this.shortLo = lowest;
    }
  }

  /** Removes `usd` of positions after an open-interest decrease. */
  private close(usd: number, price: number): void {
    const longUsd = this.longTotalUsd;
    const shortUsd = this.shortTotalUsd;
    const total = longUsd + shortUsd;
    if (total <= 0) return;
    if (this.settings.oiDecrease === 'pro-rata') {
      const keep = Math.max(0, 1 - usd / total);
      this.longMult *= keep;
      this.shortMult *= keep;
      this.renormalizeIfTiny();
      if (keep === 0) this.clear();
      return;
    }
    const fromLong = Math.min(longUsd, (usd * longUsd) / total);
    const fromShort = Math.min(shortUsd, usd - fromLong);
    this.removeNearest(true, fromLong / this.longMult, price);
    this.removeNearest(false, fromShort / this.shortMult, price);
  }

  private removeNearest(isLong: boolean, stored: number, price: number): void {
    if (!(stored > 0)) return;
    const { min, step, count } = this.grid;
    const arr = isLong ? this.long : this.short;
    const priceCell = Math.floor((price - min) / step);
    let left = stored;
    // Longs sit below price (walk down from it), shorts above (walk up).
    const dir = isLong ? -1 : 1;
    let i = isLong ? Math.min(this.longHi, priceCell, count - 1) : Math.max(this.shortLo, priceCell, 0);
    for (; i >= 0 && i < count && left > 0; i += dir) {
      const v = arr[i]!;
      if (v <= left) {
        left -= v;
        arr[i] = 0;
      } else {
        arr[i] = v - left;
        left = 0;
      }
    }
    if (isLong) this.longStored = Math.max(0, this.longStored - (stored - left));
    else this.shortStored = Math.max(0, this.shortStored - (stored - left));
  }

  private clear(): void {
    this.long.fill(0);
    this.short.fill(0);
    this.longMult = this.shortMult = 1;
    this.longStored = this.shortStored = 0;
    this.longHi = -1;
    this.shortLo = this.grid.count;
  }

  private renormalizeIfTiny(): void {
    if (this.longMult < RENORMALIZE_BELOW) {
      const m = this.longMult;
      for (let i = 0; i < this.long.length; i++) this.long[i]! *= m;
      this.longMult = 1;
      this.recount();
    }
    if (this.shortMult < RENORMALIZE_BELOW) {
      const m = this.shortMult;
      for (let i = 0; i < this.short.length; i++) this.short[i]! *= m;
      this.shortMult = 1;
      this.recount();
    }
  }

  /** Recomputes the stored sums (after a shift or renormalization) so rounding cannot drift. */
  private recount(): void {
    let l = 0;
    let s = 0;
    for (let i = 0; i < this.long.length; i++) {
      l += this.long[i]!;
      s += this.short[i]!;
    }
    this.longStored = l;
    this.shortStored = s;
  }
}

function oiUsdOf(oi: number, entry: number, units: ModelSettings['oiUnits']): number {
  return units === 'base' ? oi * entry : oi;
}

export function entryPrice(bar: Bar, entry: ModelSettings['entry']): number {
  switch (entry) {
    case 'close':
      return bar.close;
    case 'hlc3':
      return (bar.high + bar.low + bar.close) / 3;
    case 'vwap': {
      const vwap = bar.quoteVolume !== undefined && bar.volume > 0 ? bar.quoteVolume / bar.volume : NaN;
      // Outside the bar's range means the volumes are inconsistent: fall back to OHLC4.
      if (vwap >= bar.low && vwap <= bar.high) return vwap;
      return (bar.open + bar.high + bar.low + bar.close) / 4;
    }
    default:
      return (bar.open + bar.high + bar.low + bar.close) / 4;
  }
}

/** Share of new open interest taken as longs: taker-buy share, else (or by setting) candle colour. */
export function takerLongShare(bar: Bar, split: ModelSettings['sideSplit']): number {
  if (split === 'taker' && bar.takerBuyVolume !== undefined && bar.volume > 0) {
    return Math.min(1, Math.max(0, bar.takerBuyVolume / bar.volume));
  }
  return bar.close > bar.open ? 1 : bar.close < bar.open ? 0 : 0.5;
}
