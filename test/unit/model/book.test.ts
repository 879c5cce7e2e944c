import { describe, expect, it } from 'vitest';
import { VenueBook, type PriceGrid } from '@/core/model/book';
import { bar, simpleSettings } from './helpers';

// $10 cells from 0 to 20,000: cell i is centred on 10·i + 5.
const grid = (): PriceGrid => ({ min: 0, step: 10, count: 2000 });
const sum = (b: VenueBook, side: 'long' | 'short') => {
  let s = 0;
  for (let i = 0; i < 2000; i++) s += side === 'long' ? b.longAt(i) : b.shortAt(i);
  return s;
};

describe('VenueBook: opening positions', () => {
  it('places an OI increase at the isolated liquidation price of its leverage, split by taker share', () => {
    const book = new VenueBook(grid(), simpleSettings(), 0);
    book.step(bar(0, 10000, 10000, 10000, 10000), 5000); // first OI point: a reference, opens nothing
    expect(book.longTotalUsd + book.shortTotalUsd).toBe(0);
    book.step(bar(1, 10000, 10000, 10000, 10000, 0.25), 6000);
    // 10x, mmr 0: long LP = 9,000 (cell 900), short LP = 11,000 (cell 1100)
    expect(book.longAt(900)).toBeCloseTo(250, 9);
    expect(book.shortAt(1100)).toBeCloseTo(750, 9);
    expect(sum(book, 'long') + sum(book, 'short')).toBeCloseTo(1000, 9);
  });

  it('uses the maintenance rate: 100x long at 0.4% mmr sits 0.6% below entry, not 1%', () => {
    const book = new VenueBook(grid(), simpleSettings({ leverageWeights: [{ leverage: 100, weight: 1 }] }), 0.004);
    book.step(bar(0, 10000, 10000, 10000, 10000), 0);
    book.step(bar(1, 10000, 10000, 10000, 10000), 1000);
    const lp = (10000 * (1 - 1 / 100)) / (1 - 0.004); // 9,939.76
    expect(book.longAt(Math.floor(lp / 10))).toBeCloseTo(1000, 9);
  });

  it('falls back to candle colour when a venue has no taker volume', () => {
    const book = new VenueBook(grid(), simpleSettings(), 0);
    const red = { ...bar(1, 10100, 10100, 10000, 10000), volume: 0, takerBuyVolume: undefined };
    book.step(bar(0, 10000, 10000, 10000, 10000), 0);
    book.step(red, 1000);
    expect(book.longTotalUsd).toBe(0);
    expect(book.shortTotalUsd).toBeCloseTo(1000, 9);
  });

  it('spreads entries over the bar range when entrySpread = 1', () => {
    const book = new VenueBook(grid(), simpleSettings({ entrySpread: 1 }), 0);
    book.step(bar(0, 10000, 10000, 10000, 10000), 0);
    book.step(bar(1, 9900, 10100, 9900, 10000), 900);
    // entries 9,900…10,100 → 10x long levels 8,910…9,090: 18 cells of $50 each
    expect(book.longAt(891)).toBeCloseTo(50, 6);
    expect(book.longAt(908)).toBeCloseTo(50, 6);
    expect(book.longAt(890)).toBe(0);
    expect(book.longAt(909)).toBe(0);
    expect(book.longTotalUsd).toBeCloseTo(900, 6);
  });

  it("in coin units, a rise in OI's USD value that is only price does not open positions", () => {
    for (const [units, opened] of [
      ['usd', 1000],
      ['base', 0],
    ] as const) {
      const book = new VenueBook(grid(), simpleSettings({ oiUnits: units }), 0);
      book.step(bar(0, 10000, 10000, 10000, 10000), 10000); // 1 coin at 10,000
      book.step(bar(1, 11000, 11000, 11000, 11000), 11000); // still 1 coin at 11,000
      expect(book.longTotalUsd).toBeCloseTo(opened, 6);
    }
  });
});

describe('VenueBook: consumption', () => {
  const opened = () => {
    const book = new VenueBook(grid(), simpleSettings(), 0);
    book.step(bar(0, 10000, 10000, 10000, 10000, 0.5), 0);
    book.step(bar(1, 10000, 10000, 10000, 10000, 0.5), 2000); // $1000 long at 9,000, $1000 short at 11,000
    return book;
  };

  it('keeps a long level while the low stays above it and liquidates it when a wick reaches it', () => {
    const book = opened();
    expect(book.step(bar(2, 10000, 10000, 9100, 10000), null)).toEqual({ consumedLong: 0, consumedShort: 0 });
    expect(book.longTotalUsd).toBeCloseTo(1000, 9);
    const hit = book.step(bar(3, 10000, 10000, 9000, 9900), null);
    expect(hit.consumedLong).toBeCloseTo(1000, 9);
    expect(hit.consumedShort).toBe(0);
    expect(book.longTotalUsd).toBeCloseTo(0, 9);
    // a second visit finds nothing left
    expect(book.step(bar(4, 9900, 9900, 8000, 8500), null).consumedLong).toBe(0);
  });

  it('liquidates shorts when the high trades through them', () => {
    const book = opened();
    expect(book.step(bar(2, 10000, 10990, 10000, 10500), null).consumedShort).toBe(0);
    expect(book.step(bar(3, 10500, 11010, 10400, 10600), null).consumedShort).toBeCloseTo(1000, 9);
    expect(book.shortTotalUsd).toBeCloseTo(0, 9);
    expect(book.longTotalUsd).toBeCloseTo(1000, 9);
  });
});

describe('VenueBook: open-interest decreases', () => {
  it('pro rata: a 25% drop in modelled OI scales every level by 0.75', () => {
    const book = new VenueBook(grid(), simpleSettings(), 0);
    book.step(bar(0, 10000, 10000, 10000, 10000, 0.5), 0);
    book.step(bar(1, 10000, 10000, 10000, 10000, 0.5), 2000);
    book.step(bar(2, 10000, 10000, 10000, 10000), 1500);
    expect(book.longAt(900)).toBeCloseTo(750, 9);
    expect(book.shortAt(1100)).toBeCloseTo(750, 9);
  });

  it('nearest first: closes the levels closest to price before farther ones', () => {
    const settings = simpleSettings({
      oiDecrease: 'nearest',
      leverageWeights: [
        { leverage: 10, weight: 0.5 },
        { leverage: 50, weight: 0.5 },
      ],
    });
    const book = new VenueBook(grid(), settings, 0);
    book.step(bar(0, 10000, 10000, 10000, 10000), 0);
    book.step(bar(1, 10000, 10000, 10000, 10000), 1000); // $500 at 9,000 (10x), $500 at 9,800 (50x)
    book.step(bar(2, 10000, 10000, 9990, 10000), 750);
    expect(book.longAt(980)).toBeCloseTo(250, 9);
    expect(book.longAt(900)).toBeCloseTo(500, 9);
    book.step(bar(3, 10000, 10000, 9990, 10000), 400);
    expect(book.longAt(980)).toBe(0);
    expect(book.longAt(900)).toBeCloseTo(400, 9);
  });

  it('nets liquidations against the OI drop they caused when asked to', () => {
    for (const [net, shortLeft] of [
      [true, 1000],
      [false, 0],
    ] as const) {
      const book = new VenueBook(grid(), simpleSettings({ netConsumedFromOiDecrease: net }), 0);
      book.step(bar(0, 10000, 10000, 10000, 10000, 0.5), 0);
      book.step(bar(1, 10000, 10000, 10000, 10000, 0.5), 2000);
      // the wick liquidates the $1000 of longs and OI falls by exactly that
      book.step(bar(2, 10000, 10000, 8990, 9500), 1000);
      expect(book.longTotalUsd).toBeCloseTo(0, 9);
      expect(book.shortTotalUsd).toBeCloseTo(shortLeft, 6);
    }
  });
});

describe('VenueBook: decay', () => {
  it('halves every level after one half-life and quarters it after two', () => {
    const book = new VenueBook(grid(), simpleSettings({ decayHalfLifeHours: 2 }), 0);
    book.step(bar(0, 10000, 10000, 10000, 10000), 0);
    book.step(bar(1, 10000, 10000, 10000, 10000), 1000);
    book.step(bar(3, 10000, 10000, 10000, 10000), null);
    expect(book.longAt(900)).toBeCloseTo(500, 9);
    book.step(bar(5, 10000, 10000, 10000, 10000), null);
    expect(book.longTotalUsd).toBeCloseTo(250, 9);
  });

  it('keeps levels unchanged without decay', () => {
    const book = new VenueBook(grid(), simpleSettings({ decayHalfLifeHours: null }), 0);
    book.step(bar(0, 10000, 10000, 10000, 10000), 0);
    book.step(bar(1, 10000, 10000, 10000, 10000), 1000);
    book.step(bar(500, 10000, 10000, 10000, 10000), null);
    expect(book.longAt(900)).toBeCloseTo(1000, 9);
  });
});

describe('VenueBook: turnover', () => {
  const quiet = (i: number, price: number, takerShare = 1) => ({ ...bar(i, price, price, price, price, takerShare), volume: 0, takerBuyVolume: 0 });

  it('a bar with volume and no net OI change closes old positions pro rata and opens new ones at its price', () => {
    const book = new VenueBook(grid(), simpleSettings({ turnover: 0.1 }), 0);
    book.step(quiet(0, 10000), 1_000_000); // reference OI, no volume: nothing turns over
    // no volume: split by candle colour, green = longs; +$1M of 10x longs entered at the 10,000 close → 9,000
    book.step({ ...bar(1, 9990, 10000, 9990, 10000), volume: 0, takerBuyVolume: undefined }, 2_000_000);
    expect(book.longAt(900)).toBeCloseTo(1_000_000, 6);
    // 100 coins at 12,000 = $1.2M traded against $2M OI: share 0.1 × 1.2 / 2 = 6% of OI turns over
    book.step(bar(2, 12000, 12000, 12000, 12000), 2_000_000);
    expect(book.longAt(900)).toBeCloseTo(940_000, 6); // 6% of the old level closed
    expect(book.longAt(1080)).toBeCloseTo(120_000, 6); // 6% of $2M reopened at 12,000 → 10,800
    expect(book.longTotalUsd).toBeCloseTo(1_060_000, 6);
    expect(book.shortTotalUsd).toBe(0);
  });

  it('reopened positions follow the taker split, the entry spread and the leverage weights', () => {
    const settings = simpleSettings({
      turnover: 1,
      entrySpread: 1,
      leverageWeights: [
        { leverage: 10, weight: 3 },
        { leverage: 20, weight: 1 },
      ],
    });
    const book = new VenueBook(grid(), settings, 0);
    // $1M traded ($1M OI): the whole OI turns over, 25% long, entries 9,900…10,100
    book.step({ ...bar(0, 10000, 10100, 9900, 10000, 0.25), volume: 100 }, 1_000_000);
    expect(book.longTotalUsd).toBeCloseTo(250_000, 6);
    expect(book.shortTotalUsd).toBeCloseTo(750_000, 6);
    let tenX = 0;
    for (let i = 891; i <= 908; i++) tenX += book.longAt(i); // 10x longs at 8,910…9,090
    expect(tenX).toBeCloseTo(250_000 * 0.75, 6);
    expect(book.longAt(890)).toBe(0);
  });

  it('conserves OI: with the book equal to OI it stays equal through increases, decreases and churn', () => {
    const book = new VenueBook(grid(), simpleSettings({ turnover: 1000 }), 0);
    book.step(bar(0, 10000, 10000, 10000, 10000, 0.5), 1_000_000); // share capped at 1: book = OI
    expect(book.longTotalUsd + book.shortTotalUsd).toBeCloseTo(1_000_000, 6);
    const slow = new VenueBook(grid(), simpleSettings({ turnover: 0.05 }), 0);
    const ois = [1_000_000, 1_200_000, 1_200_000, 900_000, 950_000, 950_000, 1_300_000];
    for (const b of [book, slow]) {
      ois.forEach((oi, i) => {
        const p = 10000 + 50 * i; // within ±5%: no 10x level is reached
        b.step(bar(i + 1, p, p + 20, p - 20, p, 0.5), oi);
        const total = b.longTotalUsd + b.shortTotalUsd;
        if (b === book) expect(total).toBeCloseTo(oi, 4);
        else expect(total).toBeLessThanOrEqual(oi + 1e-6); // starts empty, fills towards OI, never past it
      });
    }
  });

  it("turnoverOf 'book' moves the modelled book without changing its total", () => {
    const book = new VenueBook(grid(), simpleSettings({ turnover: 0.5, turnoverOf: 'book' }), 0);
    book.step(quiet(0, 10000), 0);
    book.step(quiet(1, 10000), 500_000);
    book.step(bar(2, 10200, 10200, 10200, 10200), 500_000);
    expect(book.longTotalUsd + book.shortTotalUsd).toBeCloseTo(500_000, 6);
    expect(book.longAt(918)).toBeGreaterThan(0); // 10,200 → 9,180
    expect(book.longAt(900)).toBeLessThan(500_000);
  });

  it('no NaN: zero volume, zero OI, volume against zero OI, missing OI', () => {
    const book = new VenueBook(grid(), simpleSettings({ turnover: 2 }), 0.004);
    book.step(bar(0, 10000, 10000, 10000, 10000), 0); // volume, OI 0
    book.step(quiet(1, 10000), 0); // no volume, OI 0
    book.step(quiet(2, 10000), 1000); // no volume
    book.step(bar(3, 10000, 10010, 9990, 10000), null); // OI unknown: no turnover
    book.step({ ...bar(4, 10000, 10010, 9990, 10000), quoteVolume: 0 }, 1000);
    book.step(bar(5, 10000, 10010, 9990, 10000), 0);
    for (let i = 0; i < 2000; i++) {
      expect(Number.isFinite(book.longAt(i))).toBe(true);
      expect(Number.isFinite(book.shortAt(i))).toBe(true);
    }
    expect(Number.isFinite(book.longTotalUsd + book.shortTotalUsd)).toBe(true);
  });
});

describe('VenueBook: spreading a range over cells', () => {
  it('puts partial edge cells, whole inner cells, and counts what falls off the grid as dropped', () => {
    const per = 1000 / 180; // entries 9,925…10,125 → 10x longs 8,932.5…9,112.5: $1,000 over 180 price units
    const inside = new VenueBook({ min: 8900, step: 10, count: 30 }, simpleSettings({ entrySpread: 1 }), 0);
    const edge = new VenueBook({ min: 8950, step: 10, count: 10 }, simpleSettings({ entrySpread: 1 }), 0);
    for (const book of [inside, edge]) {
      book.step(quiet0(0), 0);
      book.step(bar(1, 10000, 10125, 9925, 10000), 1000);
    }
    expect(inside.longAt(3)).toBeCloseTo(7.5 * per, 9); // 8,932.5…8,940
    expect(inside.longAt(4)).toBeCloseTo(10 * per, 9);
    expect(inside.longAt(20)).toBeCloseTo(10 * per, 9);
    expect(inside.longAt(21)).toBeCloseTo(2.5 * per, 9); // 9,110…9,112.5
    expect(inside.longAt(2) + inside.longAt(22)).toBe(0);
    expect(inside.longTotalUsd).toBeCloseTo(1000, 9);
    expect(inside.droppedUsd).toBe(0);
    expect(edge.longAt(0)).toBeCloseTo(10 * per, 9);
    expect(edge.longAt(9)).toBeCloseTo(10 * per, 9);
    expect(edge.longTotalUsd).toBeCloseTo(100 * per, 9);
    expect(edge.droppedUsd).toBeCloseTo(80 * per, 9); // 17.5 below + 62.5 above the grid
  });
});

function quiet0(i: number) {
  return { ...bar(i, 10000, 10000, 10000, 10000), volume: 0 };
}
