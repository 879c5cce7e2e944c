// @vitest-environment happy-dom
/**
 * The real OKX swap page (test/fixtures/pages/okx-2026-04-08.real.html, rendered DOM saved from the
 * live site, logged out; see test/fixtures/pages/PROVENANCE.md). Every field the page shows is read;
 * what it does not show (side: no submit buttons logged out; balance "--"; positions: logged out)
 * stays missing with its reason.
 */
import { describe, expect, it } from 'vitest';
import { pageAdapterFor } from '@/core/page/adapters';
import { findOrderForm, readPage } from '@/core/page/read-page';
import { priceFromTitle } from '@/core/page/title';
import type { Market } from '@/core/types';
import { loadFixture } from './load-fixture';

const MARKET: Market = { venue: 'okx', symbol: 'BTC/USDT:USDT' };
const URL = 'https://www.okx.com/trade-swap/btc-usdt-swap';
const read = (doc: Document) => readPage(doc, pageAdapterFor('okx'), MARKET, { url: URL }).fields;
const sizeInput = (doc: Document) => doc.querySelector('.size-input input.okui-input-input') as HTMLInputElement;

describe('real OKX page, 2026-04-08', () => {
  it('reads every price and order field the page shows, and nothing it does not', () => {
    const f = read(loadFixture('okx-2026-04-08.real'));
    expect(f.lastPrice).toEqual({ value: 71434.1, hook: 'span.last' });
    expect(f.markPrice).toEqual({ value: 71433.3, hook: 'label "mark price"' });
    expect(f.titlePrice).toEqual({ value: 71434.1, hook: 'document.title' });
    expect(f.orderType).toEqual({ value: 'limit', hook: '.okui-tabs-pane-underline-active[role="tab"]' });
    expect(f.limitPrice).toEqual({ value: 71441.7, hook: '.price-input .okui-input-input' });
    expect(f.marginMode).toMatchObject({ value: 'isolated' });
    expect(f.leverage).toEqual({ value: 5, hook: '.order-settings-box button .color-up = .order-settings-box button .color-down' });
    // Logged out: a "Log in/Sign up" link instead of the submit buttons, "-- USDT", no positions.
    expect(f.side).toMatchObject({ missing: expect.stringContaining('"Open" does not name a side') });
    expect(f.availableBalance).toMatchObject({ missing: expect.stringContaining('no number in "Available-- USDT"') });
    expect(f.position).toMatchObject({ missing: expect.stringContaining('positions table not found') });
    expect(f.size).toEqual({ missing: '.size-input .okui-input-input: size is empty' });
  });

  it("finds the order form whose box the overlay's placement avoids (and keeps for the next visit): the element holding the price and size inputs, not the page", () => {
    const doc = loadFixture('okx-2026-04-08.real');
    const form = findOrderForm(doc, pageAdapterFor('okx'));
    expect(form).not.toBeNull();
    expect(form!.contains(sizeInput(doc))).toBe(true);
    expect(form!.contains(doc.querySelector('.price-input input.okui-input-input'))).toBe(true);
    expect([doc.body, doc.documentElement]).not.toContain(form);
    // The price header and the chart are outside it: the box is the form's, not the trading page's.
    expect(form!.contains(doc.querySelector('span.last'))).toBe(false);
  });

  it("reads a typed amount in contracts from the size label (the unit suffix is empty) with the placeholder's contract value", () => {
    const doc = loadFixture('okx-2026-04-08.real');
    expect(doc.querySelector('.size-input .okui-input-suffix')?.textContent).toBe('');
    sizeInput(doc).value = '3';
    expect(read(doc).size).toEqual({
      value: { amount: 3, unit: 'contracts', unitLabel: 'Contracts', contractValue: 0.01 },
      hook: '.size-input .okui-input-input + unit .size-input .okui-form-item-label',
    });
  });

  it("takes the long or the short leverage by the order's side, and neither when they differ and the side is open", () => {
    const doc = loadFixture('okx-2026-04-08.real');
    (doc.querySelector('.order-settings-box .color-down') as Element).textContent = '10x';
    expect(read(doc).leverage).toEqual({ missing: 'long and short leverage differ (5x/10x), side unknown' });
    // Logged in, only the Sell/Short button on the form: the short leverage.
    const link = doc.querySelector('a.okui-positivebutton') as Element;
    link.outerHTML = '<button type="button" class="okui-negativebutton">Sell/Short</button>';
    const f = read(doc);
    expect(f.side).toMatchObject({ value: 'short' });
    expect(f.leverage).toEqual({ value: 10, hook: '.order-settings-box button .color-down' });
  });
});

describe('real title formats', () => {
  it('OKX: price leading the part, market split into base and quote', () => {
    expect(priceFromTitle('71,434.1 BTC USDT Perpetual Swap | OKX', ['BTC-USDT-SWAP', 'BTCUSDT'], undefined)).toEqual({
      value: 71434.1,
      hook: 'document.title',
    });
    expect(priceFromTitle('71,434.1 BTC USDT Perpetual Swap | OKX', ['ETH-USDT-SWAP', 'ETHUSDT'], undefined)).toMatchObject({
      missing: expect.stringContaining('not this market'),
    });
  });
  it('Binance futures: the market is one word of "BTCUSDT USDⓈ-Margined Perpetual"', () => {
    expect(priceFromTitle('28500.0 | BTCUSDT USDⓈ-Margined Perpetual | Binance Futures', ['BTCUSDT'], undefined)).toEqual({
      value: 28500,
      hook: 'document.title',
    });
    expect(priceFromTitle('28500.0 | ETHUSDT USDⓈ-Margined Perpetual | Binance Futures', ['BTCUSDT'], undefined)).toMatchObject({
      missing: expect.stringContaining('ETHUSDT'),
    });
  });
  it('Bybit: a tick arrow before the price, "Trade BTCUSDT"; the bare site name before the price loads', () => {
    expect(priceFromTitle('▲ 84388.9 | Trade BTCUSDT | Bybit Perpetual Contracts', ['BTCUSDT'], undefined)).toEqual({ value: 84388.9, hook: 'document.title' });
    expect(priceFromTitle('▼ 84388.9 | Trade BTCUSDT | Bybit Perpetual Contracts', ['BTCUSDT'], undefined)).toEqual({ value: 84388.9, hook: 'document.title' });
    expect(priceFromTitle('Bybit', ['BTCUSDT'], undefined)).toEqual({ missing: 'title shows no price' });
  });
});
