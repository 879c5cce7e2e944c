// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pageAdapterFor } from '@/core/page/adapters';
import type { PageReading } from '@/core/page/types';
import { readPage } from '@/core/page/read-page';
import { hooksOf, watchPage, type PageWatch, type WatchCause, type WatchWindow } from '@/core/page/watch-page';
import { loadIntoGlobalDocument } from './load-fixture';

/** A window whose frames and timers the test advances by hand; MutationObserver is happy-dom's real one. */
function fakeWindow(href: string) {
  const frames = new Map<number, () => void>();
  const intervals = new Map<number, () => void>();
  const events = new EventTarget();
  let nextId = 1;
  const win: WatchWindow = {
    requestAnimationFrame: (cb) => {
      const id = nextId++;
      frames.set(id, cb);
      return id;
    },
    cancelAnimationFrame: (id) => void frames.delete(id),
    setInterval: (cb) => {
      const id = nextId++;
      intervals.set(id, cb);
      return id;
    },
    clearInterval: (id) => void intervals.delete(id as number),
    MutationObserver: window.MutationObserver,
    location: { href },
    addEventListener: (type, listener) => events.addEventListener(type, listener),
    removeEventListener: (type, listener) => events.removeEventListener(type, listener),
  };
  return {
    win,
    pendingFrames: () => frames.size,
    flushFrames() {
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb();
    },
    tick(times = 1) {
      for (let i = 0; i < times; i++) for (const cb of [...intervals.values()]) cb();
    },
    activeIntervals: () => intervals.size,
    dispatch: (type: string) => events.dispatchEvent(new Event(type)),
  };
}

/** Lets happy-dom deliver queued MutationObserver records. */
const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

let watch: PageWatch | undefined;
afterEach(() => watch?.stop());

function start(venue: 'binance' | 'htx', href: string) {
  const doc = loadIntoGlobalDocument(venue);
  const fake = fakeWindow(href);
  const seen: { reading: PageReading | null; cause: WatchCause }[] = [];
  watch = watchPage(doc, fake.win, pageAdapterFor(venue), (reading, cause) => seen.push({ reading, cause }));
  return { doc, fake, seen };
}

const sizeOf = (r: PageReading | null | undefined) => (r && 'value' in r.fields.size ? r.fields.size.value.amount : undefined);
const priceOf = (r: PageReading | null | undefined) => (r && 'value' in r.fields.limitPrice ? r.fields.limitPrice.value : undefined);

describe('watchPage', () => {
  it('reads once at start', () => {
    const { seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.cause).toBe('start');
    expect(sizeOf(seen[0]?.reading)).toBe(0.15);
  });

  it('re-reads after typing, coalescing a burst of input events into one frame', () => {
    const { doc, fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    const size = doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!;
    for (const typed of ['0', '0.', '0.3', '0.30', '0.300']) {
      size.value = typed; // the test plays the user; the product never writes
      size.dispatchEvent(new Event('input', { bubbles: true }));
    }
    expect(fake.pendingFrames()).toBe(1);
    fake.flushFrames();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ cause: 'input' });
    expect(sizeOf(seen[1]?.reading)).toBe(0.3);
  });

  it('picks up a value the page sets without an event (order-book click syncing the value attribute)', async () => {
    const { doc, fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    const price = doc.querySelector<HTMLInputElement>('input[id^="limitPrice-"]')!;
    price.setAttribute('value', '84,015.0');
    await mutationsDelivered();
    expect(fake.pendingFrames()).toBe(1);
    fake.flushFrames();
    expect(seen.at(-1)).toMatchObject({ cause: 'mutation' });
    expect(priceOf(seen.at(-1)?.reading)).toBe(84015);
  });

  it('picks up a silent property change (% slider, no event, no attribute) on the slow re-read', () => {
    const { doc, fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!.value = '0.750';
    fake.tick(3);
    expect(fake.pendingFrames()).toBe(0); // the cheap ticks only compare the URL
    fake.tick(1);
    fake.flushFrames();
    expect(seen.at(-1)).toMatchObject({ cause: 'poll' });
    expect(sizeOf(seen.at(-1)?.reading)).toBe(0.75);
  });

  it('ignores typing outside the order form (a search box)', () => {
    const { doc, fake } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    const search = doc.createElement('input');
    doc.body.prepend(search);
    search.dispatchEvent(new Event('input', { bubbles: true }));
    expect(fake.pendingFrames()).toBe(0);
  });

  it('re-reads when the title price ticks', async () => {
    const { doc, fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    doc.title = '84,020.0 | BTCUSDT | Binance USDⓈ-M Futures';
    await mutationsDelivered();
    fake.flushFrames();
    expect(seen.at(-1)?.cause).toBe('title');
    expect(seen.at(-1)?.reading?.fields.titlePrice).toEqual({ value: 84020, hook: 'document.title' });
  });

  it('ignores order-book churn: only the order form is observed', async () => {
    const { doc, fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    const book = doc.querySelector('#futuresOrderbook')!;
    for (let i = 0; i < 200; i++) {
      const row = doc.createElement('div');
      row.className = 'row-content';
      row.textContent = `84,0${String(i).padStart(2, '0')}.0`;
      book.appendChild(row);
      book.firstElementChild?.remove();
    }
    await mutationsDelivered();
    expect(fake.pendingFrames()).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('does not emit when nothing the trader sees changed', async () => {
    const { doc, fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    doc.querySelector('.order-form-wrap')!.setAttribute('class', 'order-form-wrap is-hovered');
    await mutationsDelivered();
    fake.flushFrames();
    expect(seen).toHaveLength(1);
  });

  it('notices a pushState market switch (no popstate) on the next 250 ms URL check', () => {
    const { fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    fake.win.location.href = 'https://www.binance.com/en/futures/ETHUSDT';
    fake.tick(1);
    expect(seen.at(-1)?.cause).toBe('navigation');
    expect(seen.at(-1)?.reading?.market).toEqual({ venue: 'binance', symbol: 'ETH/USDT:USDT' });
    // The page still shows BTC units and a BTCUSDT title: stale values are refused, not carried over.
    const fields = seen.at(-1)?.reading?.fields;
    expect(fields?.size).toEqual({ missing: expect.stringContaining('size unit "BTC"') });
    expect(fields?.titlePrice).toEqual({ missing: expect.stringContaining('not this market') });
  });

  it('notices a hash-routed switch (HTX) through hashchange', () => {
    const { fake, seen } = start('htx', 'https://www.htx.com/futures/linear_swap/exchange#contract_code=BTC-USDT&type=cross');
    expect(seen[0]?.reading?.market.symbol).toBe('BTC/USDT:USDT');
    fake.win.location.href = 'https://www.htx.com/futures/linear_swap/exchange#contract_code=ETH-USDT&type=cross';
    fake.dispatch('hashchange');
    expect(seen.at(-1)?.reading?.market.symbol).toBe('ETH/USDT:USDT');
  });

  it('reports null when the SPA leaves the trading page', () => {
    const { fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    fake.win.location.href = 'https://www.binance.com/en/my/wallet/futures/balance';
    fake.tick(1);
    expect(seen.at(-1)).toEqual({ reading: null, cause: 'navigation' });
  });

  it('stops completely', async () => {
    const { doc, fake, seen } = start('binance', 'https://www.binance.com/en/futures/BTCUSDT');
    watch?.stop();
    const size = doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!;
    size.value = '9';
    size.dispatchEvent(new Event('input', { bubbles: true }));
    size.setAttribute('value', '9');
    await mutationsDelivered();
    expect(fake.pendingFrames()).toBe(0);
    expect(fake.activeIntervals()).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('never writes to the page', async () => {
    const doc = loadIntoGlobalDocument('binance');
    const fake = fakeWindow('https://www.binance.com/en/futures/BTCUSDT');
    const before = doc.documentElement.outerHTML;
    const writes: MutationRecord[] = [];
    const spy = new window.MutationObserver((records) => writes.push(...records));
    spy.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    watch = watchPage(doc, fake.win, pageAdapterFor('binance'), () => undefined);
    fake.tick(8);
    fake.flushFrames();
    await mutationsDelivered();
    spy.disconnect();
    expect(writes).toEqual([]);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!.value).toBe('0.150');
  });
});

describe('watchPage: a keystroke re-reads values, not fallback chains', () => {
  const href = 'https://www.binance.com/en/futures/BTCUSDT';
  const market = { venue: 'binance', symbol: 'BTC/USDT:USDT' } as const;
  const freshReading = (doc: Document) => readPage(doc, pageAdapterFor('binance'), market, { url: href, now: () => 0 });
  const type = (input: HTMLInputElement, value: string) => {
    input.value = value; // the test plays the user; the product never writes
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const comparable = (r: PageReading | null | undefined) => r && { ...r, readAt: 0 };

  it('after typing into size and limit price the reading equals a fresh full read, hooks and health included', () => {
    const { doc, fake, seen } = start('binance', href);
    type(doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!, '0.42');
    fake.flushFrames();
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
    type(doc.querySelector<HTMLInputElement>('input[id^="limitPrice-"]')!, '83,900.5');
    fake.flushFrames();
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
    expect(priceOf(seen.at(-1)?.reading)).toBe(83900.5);
    expect(sizeOf(seen.at(-1)?.reading)).toBe(0.42);
  });

  it('runs no selector query on a keystroke once the fields are located', () => {
    const { doc, fake, seen } = start('binance', href);
    const size = doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!;
    const queries: string[] = [];
    const spies = [Element.prototype, Document.prototype, DocumentFragment.prototype].flatMap((proto) =>
      (['querySelectorAll', 'querySelector'] as const).map((name) => {
        const original = proto[name] as (this: ParentNode, css: string) => unknown;
        const spy = function (this: ParentNode, css: string) {
          queries.push(css);
          return original.call(this, css);
        };
        Object.defineProperty(proto, name, { value: spy, configurable: true, writable: true });
        return () => Object.defineProperty(proto, name, { value: original, configurable: true, writable: true });
      }),
    );
    try {
      type(size, '0.9');
      fake.flushFrames();
    } finally {
      for (const restore of spies) restore();
    }
    expect(sizeOf(seen.at(-1)?.reading)).toBe(0.9);
    expect(queries).toEqual([]);
  });

  it('a keystroke in the same frame as a new decoy in the form reads every field again (fail closed)', async () => {
    const { doc, fake, seen } = start('binance', href);
    const price = doc.querySelector<HTMLInputElement>('input[id^="limitPrice-"]')!;
    const decoy = doc.createElement('input');
    decoy.id = 'limitPrice-decoy';
    decoy.value = '1';
    price.after(decoy);
    type(doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!, '0.5');
    await mutationsDelivered();
    fake.flushFrames();
    const reading = seen.at(-1)?.reading;
    expect(comparable(reading)).toEqual(freshReading(doc));
    expect(reading?.health.find((h) => h.field === 'limitPrice')?.passedOver[0]).toBe('input[id^="limitPrice-"]: matched 2 visible elements');
  });

  it('typing after the page silently changed another field still shows that change by the slow re-read', () => {
    const { doc, fake, seen } = start('binance', href);
    doc.querySelector<HTMLInputElement>('input[id^="limitPrice-"]')!.value = '83,000.0'; // % button, no event
    type(doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!, '0.6');
    fake.flushFrames();
    expect(sizeOf(seen.at(-1)?.reading)).toBe(0.6);
    fake.tick(4);
    fake.flushFrames();
    expect(priceOf(seen.at(-1)?.reading)).toBe(83000);
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
  });

  it("a keystroke keeps the decimal separator the page's prices showed (ru page printing 84,012.3: 1,000 is 1000)", () => {
    const { doc, fake, seen } = start('binance', href);
    doc.documentElement.setAttribute('lang', 'ru'); // ru's locale decimal is ","
    watch?.refresh();
    fake.flushFrames();
    type(doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!, '1,000');
    fake.flushFrames();
    expect(sizeOf(seen.at(-1)?.reading)).toBe(1000);
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
  });

  it('a second match made by a text change alone is found by the relocating re-read (every 16 URL checks)', async () => {
    const { doc, fake, seen } = start('binance', href);
    const buy = doc.querySelector('button.bn-button__buy')!;
    const text = Array.from(buy.childNodes).find((n) => n.nodeType === 3)!;
    text.textContent = 'Cross 25x'; // characterData only: the located elements are kept
    await mutationsDelivered();
    fake.flushFrames();
    fake.tick(16);
    fake.flushFrames();
    const reading = seen.at(-1)?.reading;
    expect(reading?.fields.leverage).toMatchObject({ missing: expect.stringContaining('matched 2') });
    expect(comparable(reading)).toEqual(freshReading(doc));
  });

  it('a replaced size input (re-render) is located again and its value read', async () => {
    const { doc, fake, seen } = start('binance', href);
    const old = doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!;
    const next = old.cloneNode(true) as HTMLInputElement;
    old.replaceWith(next);
    type(next, '0.77');
    await mutationsDelivered();
    fake.flushFrames();
    expect(sizeOf(seen.at(-1)?.reading)).toBe(0.77);
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
  });
});

describe('watchPage: a storm of unrelated nodes in the form costs no probe run (issue 16 item 2)', () => {
  const href = 'https://www.binance.com/en/futures/BTCUSDT';
  const market = { venue: 'binance', symbol: 'BTC/USDT:USDT' } as const;
  const freshReading = (doc: Document) => readPage(doc, pageAdapterFor('binance'), market, { url: href, now: () => 0 });
  const comparable = (r: PageReading | null | undefined) => r && { ...r, readAt: 0 };

  /** Counts probe selector queries (each probe run makes at least one) while `body` runs; the watcher's own vetting of a change is not counted. */
  function countQueries(body: () => void | Promise<void>): Promise<number> {
    const vetting = new Set([hooksOf(pageAdapterFor('binance')).selector, '*']);
    let count = 0;
    const restores = [Element.prototype, Document.prototype, DocumentFragment.prototype].flatMap((proto) =>
      (['querySelectorAll', 'querySelector'] as const).map((name) => {
        const original = proto[name] as (this: ParentNode, css: string) => unknown;
        Object.defineProperty(proto, name, {
          value: function (this: ParentNode, css: string) {
            if (!vetting.has(css)) count += 1;
            return original.call(this, css);
          },
          configurable: true,
          writable: true,
        });
        return () => Object.defineProperty(proto, name, { value: original, configurable: true, writable: true });
      }),
    );
    return Promise.resolve(body())
      .finally(() => restores.forEach((r) => r()))
      .then(() => count);
  }

  /** A big animated block inside the order form (a chart widget, a spinner farm) with one element toggled per frame. */
  function stormHost(doc: Document): { host: HTMLElement; blink: HTMLElement } {
    const host = doc.createElement('div');
    host.className = 'storm';
    for (let i = 0; i < 200; i++) {
      const cell = doc.createElement('div');
      cell.className = 'cell';
      cell.textContent = `${i}`;
      host.appendChild(cell);
    }
    const blink = doc.createElement('span');
    blink.className = 'blink';
    host.appendChild(blink);
    doc.querySelector('.order-form-wrap .buttons')!.after(host);
    return { host, blink };
  }

  it('toggling one element 60 times runs no probe chain, schedules no read and emits nothing', async () => {
    const { doc, fake, seen } = start('binance', href);
    const { host, blink } = stormHost(doc);
    await mutationsDelivered();
    fake.flushFrames(); // the host's arrival is read once (it is new structure)
    const emitted = seen.length;
    let frames = 0;
    const queries = await countQueries(async () => {
      for (let i = 0; i < 60; i++) {
        if (blink.isConnected) blink.remove();
        else host.appendChild(blink);
        blink.classList.toggle('on');
        await mutationsDelivered();
        frames += fake.pendingFrames();
        fake.flushFrames();
      }
    });
    // The old watcher cleared every located field and re-ran every probe chain on each toggle.
    expect(queries).toBe(0);
    expect(frames).toBe(0);
    expect(seen).toHaveLength(emitted);
  });

  it('a class toggled per frame on the whole storm block does not scan its text', async () => {
    const { doc, fake, seen } = start('binance', href);
    const { host } = stormHost(doc);
    await mutationsDelivered();
    fake.flushFrames();
    const emitted = seen.length;
    const original = Element.prototype.querySelectorAll;
    let textScans = 0;
    Element.prototype.querySelectorAll = function (this: Element, css: string) {
      if (this === host && css === '*') textScans += 1;
      return original.call(this, css);
    } as typeof original;
    try {
      for (let i = 0; i < 10; i++) {
        host.classList.toggle('loading');
        await mutationsDelivered();
        fake.flushFrames();
      }
    } finally {
      Element.prototype.querySelectorAll = original;
    }
    expect(textScans).toBe(0);
    expect(seen).toHaveLength(emitted);
    // Hiding it is a visibility change: its text is scanned (a label may have been hidden or shown).
    host.setAttribute('hidden', '');
    const label = doc.createElement('span');
    label.textContent = 'Avbl';
    const value = doc.createElement('span');
    value.textContent = '1.00 USDT';
    host.append(label, value);
    await mutationsDelivered();
    fake.flushFrames();
    host.removeAttribute('hidden');
    await mutationsDelivered();
    fake.flushFrames();
    const reading = seen.at(-1)?.reading;
    expect(reading?.fields.availableBalance).toMatchObject({ missing: expect.stringContaining('2 labelled elements') });
    expect(comparable(reading)).toEqual(freshReading(doc));
  });

  it('a decoy added deep inside the storm is still seen at once (fail closed)', async () => {
    const { doc, fake, seen } = start('binance', href);
    const { host } = stormHost(doc);
    await mutationsDelivered();
    fake.flushFrames();
    const decoy = doc.createElement('input');
    decoy.id = 'unitAmount-decoy';
    decoy.value = '5';
    host.lastElementChild!.appendChild(decoy);
    await mutationsDelivered();
    fake.flushFrames();
    const reading = seen.at(-1)?.reading;
    expect(reading?.health.find((h) => h.field === 'size')?.passedOver[0]).toBe('input[id^="unitAmount-"]: matched 2 visible elements');
    expect(comparable(reading)).toEqual(freshReading(doc));
  });

  it('a second label added inside the storm is seen at once (label probes fail closed)', async () => {
    const { doc, fake, seen } = start('binance', href);
    const { host } = stormHost(doc);
    await mutationsDelivered();
    fake.flushFrames();
    const label = doc.createElement('div');
    label.innerHTML = '<span>Avbl</span><span>9,999.00 USDT</span>';
    host.appendChild(label);
    await mutationsDelivered();
    fake.flushFrames();
    const reading = seen.at(-1)?.reading;
    expect(reading?.fields.availableBalance).toMatchObject({ missing: expect.stringContaining('2 labelled elements') });
    expect(comparable(reading)).toEqual(freshReading(doc));
  });

  it('a located field whose element is detached is located again, never read stale', async () => {
    const { doc, fake, seen } = start('binance', href);
    stormHost(doc);
    await mutationsDelivered();
    fake.flushFrames();
    doc.querySelector('input[id^="unitAmount-"]')!.closest('.field-row')!.remove();
    await mutationsDelivered();
    fake.flushFrames();
    const reading = seen.at(-1)?.reading;
    expect(reading?.fields.size).toMatchObject({ missing: expect.any(String) });
    expect(comparable(reading)).toEqual(freshReading(doc));
  });

  /** Label scans of the whole form (`*` queried on the form root) while `body` runs. */
  async function formScans(doc: Document, body: () => void): Promise<number> {
    const form = doc.querySelector('.order-form-wrap')!;
    const original = Element.prototype.querySelectorAll;
    let scans = 0;
    Element.prototype.querySelectorAll = function (this: Element, css: string) {
      if (this === form && css === '*') scans += 1;
      return original.call(this, css);
    } as typeof original;
    try {
      body();
    } finally {
      Element.prototype.querySelectorAll = original;
    }
    return scans;
  }

  it('the 4 s relocation scans the form again only after a text change that could make a second match', async () => {
    const { doc, fake, seen } = start('binance', href);
    stormHost(doc);
    await mutationsDelivered();
    fake.flushFrames();
    // Nothing suspect happened in the form: only the document-scope chains run again.
    expect(await formScans(doc, () => (fake.tick(16), fake.flushFrames()))).toBe(0);
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
    // A button's text changed (a text-matched probe looks at buttons): the next relocation scans the form.
    const sell = doc.querySelector('button.bn-button__sell')!;
    sell.firstChild!.textContent = 'Sell/Short 0.15';
    await mutationsDelivered();
    fake.flushFrames();
    expect(await formScans(doc, () => (fake.tick(16), fake.flushFrames()))).toBeGreaterThan(0);
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
  });

  it('an attribute a hook names (the id) changing on a located input relocates at once', async () => {
    const { doc, fake, seen } = start('binance', href);
    doc.querySelector('input[id^="limitPrice-"]')!.id = 'price-renamed';
    await mutationsDelivered();
    fake.flushFrames();
    const reading = seen.at(-1)?.reading;
    expect(reading?.fields.limitPrice).toMatchObject({ hook: 'input[aria-label="Price"]' });
    expect(comparable(reading)).toEqual(freshReading(doc));
  });

  it('a node added inside a located element re-reads its text without locating again', async () => {
    const { doc, fake, seen } = start('binance', href);
    const avbl = doc.querySelector('.avbl span:last-child')!;
    avbl.textContent = '';
    await mutationsDelivered();
    fake.flushFrames();
    const queries = await countQueries(async () => {
      const strong = doc.createElement('b');
      strong.textContent = '2,000.00 USDT';
      avbl.appendChild(strong);
      await mutationsDelivered();
      fake.flushFrames();
    });
    expect(seen.at(-1)?.reading?.fields.availableBalance).toMatchObject({ value: { amount: 2000 } });
    expect(comparable(seen.at(-1)?.reading)).toEqual(freshReading(doc));
    // As much as the 1 s re-read through the located elements (the positions table's rows), not a relocation.
    const cachedRead = await countQueries(() => {
      fake.tick(4);
      fake.flushFrames();
    });
    const relocation = await countQueries(() => {
      watch?.refresh();
      fake.flushFrames();
    });
    expect(queries).toBe(cachedRead);
    expect(queries).toBeLessThan(relocation);
  });
});
