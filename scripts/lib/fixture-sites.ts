/**
 * Fixture trading pages served under the exchanges' real URLs (through request interception),
 * so the production manifest's content-script matches apply unchanged.
 *
 * A page = test/fixtures/sites/exchange-shell.html (page shell, chart, mutating order book) with
 * the page reader's read parts (test/fixtures/pages/<venue>.html) inserted. The chart and the
 * header price come from the replayed recorded klines, so page and background agree on price.
 */
import fs from 'node:fs';
import path from 'node:path';
import { replay } from './replay.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITES_DIR = path.join(ROOT, 'test/fixtures/sites');
const PAGES_DIR = path.join(ROOT, 'test/fixtures/pages');

export interface TradingPage {
  venue: string;
  label: string;
  /** The real trading-page URL the page is served under. */
  url: string;
  /** Binance USDⓈ-M symbol whose recorded klines draw the chart and set the header price. */
  replaySymbol: string;
  displaySymbol: string;
  accent: string;
  title: (lastPrice: string) => string;
}

export const TRADING_PAGES: TradingPage[] = [
  {
    venue: 'binance',
    label: 'Binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTCUSDT',
    accent: '#f0b90b',
    title: (p) => `${p} | BTCUSDT | Binance USDⓈ-M Futures`,
  },
  {
    venue: 'okx',
    label: 'OKX',
    url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTC-USDT-SWAP',
    accent: '#ffffff',
    title: (p) => `${p} | BTC-USDT-SWAP | OKX`,
  },
  {
    venue: 'bybit',
    label: 'Bybit',
    url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTCUSDT',
    accent: '#f7a600',
    title: (p) => `${p} | BTCUSDT | Bybit`,
  },
  {
    venue: 'bitget',
    label: 'Bitget',
    url: 'https://www.bitget.com/futures/usdt/BTCUSDT',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTCUSDT',
    accent: '#00f0ff',
    title: (p) => `${p} BTCUSDT | Bitget`,
  },
  {
    venue: 'gate',
    label: 'Gate',
    url: 'https://www.gate.com/futures/USDT/BTC_USDT',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTC_USDT',
    accent: '#2354e6',
    title: (p) => `${p} BTC_USDT | Gate`,
  },
  {
    venue: 'mexc',
    label: 'MEXC',
    url: 'https://futures.mexc.com/exchange/BTC_USDT',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTC_USDT',
    accent: '#1972e2',
    title: (p) => `${p} BTC_USDT | MEXC`,
  },
  {
    venue: 'htx',
    label: 'HTX',
    url: 'https://www.htx.com/futures/exchange/#contract_code=BTC-USDT',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTC-USDT',
    accent: '#1e6cf0',
    title: (p) => `${p} BTC-USDT | HTX`,
  },
  {
    venue: 'hyperliquid',
    label: 'Hyperliquid',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    replaySymbol: 'BTCUSDT',
    displaySymbol: 'BTC-USD',
    accent: '#97fce4',
    title: (p) => `${p} | BTC | Hyperliquid`,
  },
];

/**
 * Account pages (login, API keys, withdrawal, security) under venue URLs; some of them also
 * match a trading-path glob, so only the exclude_matches keep the content script out.
 */
export const SENSITIVE_PAGES: { url: string; title: string }[] = [
  { url: 'https://www.binance.com/en/my/settings/api-management', title: 'API Management | Binance' },
  { url: 'https://www.binance.com/en/futures/login', title: 'Log In | Binance' },
  { url: 'https://www.binance.com/en/futures/api-management', title: 'API Management | Binance Futures' },
  { url: 'https://www.okx.com/account/users', title: 'Account | OKX' },
  { url: 'https://www.okx.com/trade-swap/withdraw', title: 'Withdraw | OKX' },
  { url: 'https://www.bybit.com/trade/usdt/security', title: 'Security | Bybit' },
  { url: 'https://www.bitget.com/futures/usdt/apikey', title: 'API Key | Bitget' },
  { url: 'https://www.gate.com/futures/USDT/login', title: 'Login | Gate' },
  { url: 'https://futures.mexc.com/exchange/withdraw', title: 'Withdraw | MEXC' },
  { url: 'https://www.htx.com/futures/register', title: 'Register | HTX' },
];

export function tradingPage(venue: string): TradingPage {
  const page = TRADING_PAGES.find((p) => p.venue === venue);
  if (!page) throw new Error(`No fixture trading page for venue "${venue}"`);
  return page;
}

const withoutHash = (url: string) => url.split('#')[0]!;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (whole, key: string) => values[key] ?? whole);

/** The page reader's fixture body for a venue (or the fallback form) and its <title>, if any. */
function readParts(venue: string): { html: string; title: string | null; source: string } {
  const file = path.join(PAGES_DIR, `${venue}.html`);
  if (!fs.existsSync(file)) {
    return { html: fs.readFileSync(path.join(SITES_DIR, 'read-parts/generic-order-form.html'), 'utf8'), title: null, source: 'generic-order-form.html' };
  }
  const text = fs.readFileSync(file, 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(text)?.[1] ?? text;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1]?.trim() || null;
  return { html: body, title, source: `pages/${venue}.html` };
}

export interface SitePage {
  status: number;
  body: string;
  contentType: string;
  /** Which files the page was built from, for logs. */
  source: string;
}

export function renderTradingPage(page: TradingPage, now: number = Date.now()): SitePage {
  const kl = replay(
    { method: 'GET', url: new URL(`https://fapi.binance.com/fapi/v1/klines?symbol=${page.replaySymbol}&interval=1h&limit=96`), body: null },
    () => now,
  );
  const rows = kl ? (JSON.parse(kl.body) as [number, string, string, string, string][]) : [];
  const candles = rows.map(([t, o, h, l, c]) => [t, Number(o), Number(h), Number(l), Number(c)]);
  const last = candles.at(-1)?.[4] ?? 0;
  const day = candles.slice(-24);
  const fmt = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const parts = readParts(page.venue);
  const values = {
    LAST_PRICE: fmt(last),
    LAST_PRICE_PLAIN: last.toFixed(1),
    HIGH_24H: fmt(Math.max(...day.map((c) => c[2]!))),
    LOW_24H: fmt(Math.min(...day.map((c) => c[3]!))),
    VENUE_LABEL: page.label,
    DISPLAY_SYMBOL: page.displaySymbol,
    ACCENT: page.accent,
    CANDLES_JSON: JSON.stringify(candles),
  };
  const shell = fs.readFileSync(path.join(SITES_DIR, 'exchange-shell.html'), 'utf8');
  const html = fill(shell, { ...values, TITLE: parts.title ?? page.title(values.LAST_PRICE), READ_PARTS: fill(parts.html, values) });
  return { status: 200, body: html, contentType: 'text/html; charset=utf-8', source: `sites/exchange-shell.html + ${parts.source}` };
}

/** The fixture page for a URL on an exchange's site, or null when the URL is not a site page. */
export function sitePage(url: string, now: number = Date.now()): SitePage | null {
  const bare = withoutHash(url);
  const trading = TRADING_PAGES.find((p) => withoutHash(p.url) === bare);
  if (trading) return renderTradingPage(trading, now);
  const sensitive = SENSITIVE_PAGES.find((p) => p.url === bare);
  if (sensitive) {
    const body = fill(fs.readFileSync(path.join(SITES_DIR, 'sensitive-page.html'), 'utf8'), { TITLE: sensitive.title });
    return { status: 200, body, contentType: 'text/html; charset=utf-8', source: 'sites/sensitive-page.html' };
  }
  return null;
}

/** Hosts whose pages the fixtures stand in for: any other request to them gets a plain 404. */
export const SITE_HOSTS = new Set([...TRADING_PAGES, ...SENSITIVE_PAGES].map((p) => new URL(p.url).hostname));
