/**
 * The shared reading engine: runs a venue adapter against a Document and returns every field as
 * a value with its hook, or as missing with the reason. It never guesses and never writes.
 */
import { decimalSeparatorFor, findNumber, inferDecimalSeparator, parseNumber, type DecimalSeparator } from '../format/numbers';
import type { MarginMode, Market } from '../types';
import { parseUnifiedSymbol } from '../types';
import type { Probe, VenuePageAdapter } from './adapter-types';
import { inputLabels, ReadContext, readText, resolve, visibleMatches, type Resolution, type ResolutionCache } from './dom';
import { withMeaning } from './meaning';
import { namesMarket } from './symbols';
import { priceFromTitle } from './title';
import type {
  Balance,
  FieldResult,
  HealthEntry,
  OrderSide,
  OrderSize,
  OrderType,
  PageFieldName,
  PageFields,
  PageReading,
  SizeUnit,
  VisiblePosition,
} from './types';
import { CONTRACT_UNITS, isCloseTabText, marginModeFromText, normaliseLabel, orderTypeFromText, sideFromText } from './vocabulary';

const FIELD_ORDER: PageFieldName[] = [
  'lastPrice',
  'markPrice',
  'titlePrice',
  'side',
  'orderType',
  'limitPrice',
  'size',
  'leverage',
  'marginMode',
  'availableBalance',
  'estLiqPrice',
  'position',
];
const MAX_LEVERAGE = 1000;

export interface ReadOptions {
  /** The page URL (defaults to `doc.URL`). */
  url?: string;
  now?: () => number;
  /**
   * Reuse the elements earlier reads located (see ResolutionCache): only their values are read
   * again. Without it every probe chain runs from scratch.
   */
  cache?: ResolutionCache;
  /**
   * With `cache`: the fields the trader just typed into. Every other order field (and the
   * position, prices and title price) is taken from `previous`, the last reading through the same
   * cache, as long as nothing cleared the cache since (no structure change, poll or market switch)
   * and the order form is the same element.
   */
  only?: ReadonlySet<PageFieldName>;
  previous?: PageReading;
}

type Passed = Partial<Record<PageFieldName, string[]>>;

function missing<T>(reason: string): FieldResult<T> {
  return { missing: reason };
}

/** Page text inside a reason, clipped: the page is hostile input and reasons are shown to the user. */
export function quote(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(t.length > max ? `${t.slice(0, max - 1)}…` : t);
}

/** Why a located node could not be interpreted (a class, so string-valued fields stay unambiguous). */
class Why {
  constructor(readonly reason: string) {}
}
const why = (reason: string) => new Why(reason);

/** Turns a resolution plus an interpreter into a field result, naming the hook in every reason. */
function interpret<T>(resolution: Resolution, parse: (text: string) => T | Why): FieldResult<T> {
  if ('missing' in resolution) return { missing: resolution.missing };
  const { text, hook } = resolution.found;
  const parsed = parse(text);
  return parsed instanceof Why ? { missing: `${hook}: ${parsed.reason}` } : { value: parsed, hook };
}

function positiveNumber(ctx: ReadContext, what: string, inMixedText: boolean): (text: string) => number | Why {
  return (text) => {
    const r = inMixedText ? findNumber(text, { decimal: ctx.decimal }) : parseNumber(text, { decimal: ctx.decimal });
    if (!r.ok)
      return why(
        r.reason === 'empty' ? `${what} is empty` : `${what} ${quote(text)} ${r.reason === 'ambiguous' ? 'is ambiguous' : 'is not a number'} (${r.detail})`,
      );
    if (r.percent) return why(`${what} ${quote(text)} is a percentage of the maximum, not an amount`);
    if (!(r.value > 0)) return why(`${what} ${r.value} is not positive`);
    return r.value;
  };
}

function readSide(ctx: ReadContext, adapter: VenuePageAdapter, form: Element | null, passed: Passed): FieldResult<OrderSide> {
  const rule = adapter.side;
  const notes: string[] = [];
  if (rule.openCloseTab) {
    const tab = resolve(ctx, rule.openCloseTab, form, { defaultScope: 'form' });
    if ('found' in tab && isCloseTabText(tab.found.text))
      return missing(`${tab.found.hook}: ${quote(tab.found.text)} tab selected: a closing order reduces a position`);
  }
  if (rule.selected) {
    const selected = resolve(ctx, rule.selected, form, { defaultScope: 'form' });
    notes.push(...selected.passedOver);
    if ('found' in selected) {
      const side = sideFromText(selected.found.text);
      // OKX's segmented tab says Buy/Sell in one-way mode but Open/Close in hedge mode.
      if (side) {
        passed.side = notes;
        return { value: side, hook: selected.found.hook };
      }
      notes.push(`${selected.found.hook}: ${quote(selected.found.text)} does not name a side`);
    }
  }
  const long = resolve(ctx, rule.longButton, form, { defaultScope: 'form' });
  const short = resolve(ctx, rule.shortButton, form, { defaultScope: 'form' });
  passed.side = [...notes, ...long.passedOver, ...short.passedOver];
  if ('found' in long && 'found' in short) return { value: 'undecided', hook: `both submit buttons (${long.found.hook} + ${short.found.hook})` };
  if ('found' in long) return { value: 'long', hook: `only ${long.found.hook}` };
  if ('found' in short) return { value: 'short', hook: `only ${short.found.hook}` };
  return missing(`no side toggle or submit buttons (${passed.side.join('; ')})`);
}

/** The unit a label names, and the exact word that named it (`Contracts` out of "Max long 140 Contracts"). */
function unitOf(label: string, market: Market, lastWord = true): { unit: SizeUnit; word: string } | null {
  const symbol = parseUnifiedSymbol(market.symbol);
  const classify = (text: string): SizeUnit | null => {
    if (CONTRACT_UNITS.includes(normaliseLabel(text))) return 'contracts';
    const upper = text.normalize('NFKC').toUpperCase().trim();
    if (!symbol || !upper) return null;
    if (upper === symbol.base) return 'coin';
    if (upper === symbol.quote || upper === symbol.settle) return 'quote';
    return null;
  };
  const whole = label.trim();
  const last = whole.split(' ').pop() ?? '';
  // "Amount (Contracts)", "数量(张)": the unit in the label's parentheses.
  const inner = /[(（]([^()（）]{1,20})[)）]\s*$/.exec(whole)?.[1] ?? '';
  for (const word of lastWord ? [whole, inner, last] : [whole, inner]) {
    const unit = classify(word);
    if (unit) return { unit, word };
  }
  return null;
}

function readSize(ctx: ReadContext, adapter: VenuePageAdapter, form: Element | null, market: Market, passed: Passed): FieldResult<OrderSize> {
  const input = resolve(ctx, adapter.size, form, { defaultScope: 'form', input: true });
  passed.size = [...input.passedOver];
  const amount = interpret(input, positiveNumber(ctx, 'size', false));
  if ('missing' in amount) return amount;
  const unitProbe = resolve(ctx, adapter.sizeUnit, form, { defaultScope: 'form' });
  passed.size.push(...unitProbe.passedOver);
  let unit = 'found' in unitProbe ? unitOf(unitProbe.found.text, market) : null;
  let unitHook = 'found' in unitProbe ? unitProbe.found.hook : '';
  if (!unit && 'found' in input) {
    // By meaning: the unit a person reads in the input's own label ("Amount (Contracts)", in
    // parentheses) or as the whole text just after it — never a label's last word ("Min 0.001 BTC").
    const el = input.found.element;
    const units = new Map<string, { unit: SizeUnit; word: string }>();
    for (const t of [...inputLabels(ctx, el), el.nextElementSibling?.textContent ?? '']) {
      const u = unitOf(t, market, false);
      if (u) units.set(u.unit, u);
    }
    // Two units named: unsure, not a guess.
    unit = units.size === 1 ? [...units.values()][0]! : null;
    unitHook = 'label';
  }
  if (!unit) {
    if ('missing' in unitProbe) return missing(`size unit label ${unitProbe.missing}`);
    return missing(`size unit ${quote(unitProbe.found.text)} (${unitProbe.found.hook}) is not the coin, contracts or the quote of ${market.symbol}`);
  }
  const value: OrderSize = { amount: amount.value, unit: unit.unit, unitLabel: unit.word };
  // OKX's placeholder "Single contract value 0.01 BTC": the page's own contract size (base coin only).
  const cv =
    unit.unit === 'contracts' && 'found' in input
      ? /(?:contract value|面值)\D{0,12}?([0-9][0-9.,]*)\s*([A-Z]{2,12})\b/i.exec(input.found.element.getAttribute('placeholder') ?? '')
      : null;
  const size = cv ? parseNumber(cv[1] ?? '', { decimal: ctx.decimal }) : null;
  if (cv && size?.ok && size.value > 0 && (cv[2] ?? '').toUpperCase() === parseUnifiedSymbol(market.symbol)?.base) value.contractValue = size.value;
  return { value, hook: `${amount.hook} + unit ${unitHook}` };
}

function readLeverage(text: string): number | Why {
  const m = /(\d{1,4}(?:\.\d+)?)\s*[x×X]/.exec(text) ?? /^(\d{1,4}(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return why(`${quote(text)} shows no leverage like 20x`);
  const value = Number(m[1]);
  return value >= 1 && value <= MAX_LEVERAGE ? value : why(`leverage ${value} is outside 1–${MAX_LEVERAGE}`);
}

function readLeverageField(
  ctx: ReadContext,
  adapter: VenuePageAdapter,
  form: Element | null,
  side: FieldResult<OrderSide>,
  passed: Passed,
): FieldResult<number> {
  const bySide = adapter.leverageBySide;
  if (bySide) {
    const long = interpret(resolve(ctx, bySide.long, form, { defaultScope: 'form' }), readLeverage);
    const short = interpret(resolve(ctx, bySide.short, form, { defaultScope: 'form' }), readLeverage);
    if ('value' in long || 'value' in short) {
      const s = 'value' in side ? side.value : 'undecided';
      if (s !== 'undecided') return s === 'long' ? long : short;
      if ('value' in long && 'value' in short && long.value === short.value) return { value: long.value, hook: `${long.hook} = ${short.hook}` };
      return missing(`long and short leverage differ (${'value' in long ? long.value : '?'}x/${'value' in short ? short.value : '?'}x), side unknown`);
    }
  }
  const r = resolve(ctx, adapter.leverage, form, { defaultScope: 'form' });
  passed.leverage = r.passedOver;
  return interpret(r, readLeverage);
}

function readMarginMode(ctx: ReadContext, adapter: VenuePageAdapter, form: Element | null, url: string, passed: Passed): FieldResult<MarginMode> {
  if (adapter.marginModeFromUrl) {
    try {
      const fromUrl = adapter.marginModeFromUrl(new URL(url));
      if (fromUrl) return { value: fromUrl, hook: 'url' };
    } catch {
      // An unparseable URL falls through to the page.
    }
  }
  const r = resolve(ctx, adapter.marginMode, form, { defaultScope: 'form' });
  passed.marginMode = r.passedOver;
  return interpret<MarginMode>(r, (text) => marginModeFromText(text) ?? why(`${quote(text)} names neither cross nor isolated`));
}

function readBalance(ctx: ReadContext, adapter: VenuePageAdapter, form: Element | null, passed: Passed): FieldResult<Balance> {
  const r = resolve(ctx, adapter.availableBalance, form, { defaultScope: 'form' });
  passed.availableBalance = r.passedOver;
  return interpret(r, (text) => {
    const n = findNumber(text, { decimal: ctx.decimal });
    if (!n.ok) return why(`available balance ${quote(text)}: ${n.detail}`);
    if (n.percent || n.value < 0) return why(`available balance ${quote(text)} is not an amount`);
    return { amount: n.value, currency: n.unit ? n.unit.toUpperCase() : null };
  });
}

function readPosition(ctx: ReadContext, adapter: VenuePageAdapter, market: Market, passed: Passed): FieldResult<VisiblePosition | null> {
  const rule = adapter.position;
  if (!rule) return missing('this venue adapter does not read positions');
  const table = resolve(ctx, rule.table, null, { defaultScope: 'document' });
  passed.position = table.passedOver;
  if ('missing' in table) return missing(`positions table ${table.missing}`);
  const rows = visibleMatches(ctx, table.found.element, rule.row);
  if (typeof rows === 'string') return missing(rows);
  const spellings = adapter.symbolSpellings(market);
  const mine = rows.filter((row) => {
    const cell = row.querySelector(rule.symbol);
    const first = cell ? (readText(ctx, cell).split(' ')[0] ?? '') : '';
    return namesMarket(first, spellings);
  });
  const hook = `${table.found.hook} row ${rule.row}`;
  if (mine.length === 0) return { value: null, hook };
  if (mine.length > 1) return missing(`${mine.length} position rows for ${market.symbol} (hedge mode?): read them from the table`);
  const row = mine[0] as Element;
  const cellText = (css: string | undefined) => {
    const cell = css ? row.querySelector(css) : null;
    return cell ? readText(ctx, cell) : '';
  };
  const size = findNumber(cellText(rule.size), { decimal: ctx.decimal });
  if (!size.ok || size.value === 0) return missing(`position size ${quote(cellText(rule.size))} unreadable`);
  const sideText = rule.side ? cellText(rule.side) : '';
  const side = sideText ? sideFromText(sideText) : size.value > 0 ? 'long' : 'short';
  if (!side) return missing(`position side ${quote(sideText)} unreadable`);
  const entry = rule.entryPrice ? findNumber(cellText(rule.entryPrice), { decimal: ctx.decimal }) : null;
  const liq = rule.liqPrice ? findNumber(cellText(rule.liqPrice), { decimal: ctx.decimal }) : null;
  const value: VisiblePosition = { side, size: Math.abs(size.value), sizeUnitLabel: size.unit, entryPrice: entry && entry.ok ? entry.value : null };
  if (liq && liq.ok && !liq.percent && liq.value > 0) value.liqPrice = liq.value;
  return { value, hook };
}

function health(fields: PageFields, passed: Passed): HealthEntry[] {
  return FIELD_ORDER.map((field) => {
    const result = (fields[field] ?? { missing: 'not read' }) as FieldResult<unknown>;
    const ok = 'value' in result;
    return { field, ok, detail: ok ? (result as { hook: string }).hook : (result as { missing: string }).missing, passedOver: passed[field] ?? [] };
  });
}

function findForm(ctx: ReadContext, probes: readonly Probe[]): { form: Element | null; why: string } {
  const r = resolve(ctx, probes, null, { defaultScope: 'document' });
  return 'found' in r ? { form: r.found.element, why: '' } : { form: null, why: `order form ${r.missing}` };
}

/** Order fields a trader types or picks into, by the probes that locate them. */
const TYPED_FIELDS: [PageFieldName, (a: VenuePageAdapter) => readonly Probe[]][] = [
  ['size', (a) => a.size],
  ['limitPrice', (a) => a.limitPrice],
  ['leverage', (a) => a.leverage],
  ['marginMode', (a) => a.marginMode],
];

/**
 * The fields whose located elements hold these event targets, or null when any target is not
 * inside one (then every field is read).
 */
export function fieldsTypedInto(hooks: VenuePageAdapter, cache: ResolutionCache, targets: Iterable<Node>): Set<PageFieldName> | null {
  const adapter = withMeaning(hooks);
  const fields = new Set<PageFieldName>();
  for (const target of targets) {
    let owned = false;
    for (const [field, probes] of TYPED_FIELDS) {
      const element = cache.entries.get(probes(adapter))?.element;
      if (element && (element === target || element.contains(target))) {
        fields.add(field);
        owned = true;
      }
    }
    if (!owned) return null;
  }
  return fields;
}

/** Locates the order form (the subtree the watcher observes). */
export function findOrderForm(doc: Document, adapter: VenuePageAdapter, cache?: ResolutionCache): Element | null {
  return findForm(new ReadContext(doc, undefined, cache), withMeaning(adapter).formRoot).form;
}

/** Building an Intl.NumberFormat per read would cost more than the rest of a keystroke's read. */
const decimalByLocale = new Map<string, DecimalSeparator | undefined>();
function localeDecimal(adapter: VenuePageAdapter, lang: string): DecimalSeparator | undefined {
  if (adapter.decimalSeparator) return adapter.decimalSeparator(lang);
  if (!decimalByLocale.has(lang)) {
    if (decimalByLocale.size > 32) decimalByLocale.clear();
    decimalByLocale.set(lang, decimalSeparatorFor(lang));
  }
  return decimalByLocale.get(lang);
}

/** The title and prices change about once a second; keystrokes in between reuse the verdict. */
let lastSamples = '';
let lastSamplesDecimal: DecimalSeparator | undefined;
function pageDecimal(samples: string[]): DecimalSeparator | undefined {
  const key = samples.join('\n');
  if (key !== lastSamples) {
    lastSamples = key;
    lastSamplesDecimal = inferDecimalSeparator(samples);
  }
  return lastSamplesDecimal;
}

export function readPage(doc: Document, hooks: VenuePageAdapter, market: Market, options: ReadOptions = {}): PageReading {
  const adapter = withMeaning(hooks);
  const decimal = localeDecimal(adapter, doc.documentElement?.getAttribute('lang') ?? '');
  const ctx = new ReadContext(doc, decimal, options.cache);
  const passed: Passed = {};
  const url = options.url ?? doc.URL;
  const { form, why: formMissing } = findForm(ctx, adapter.formRoot);
  const cache = options.cache;
  const previous = options.previous;
  const reuse =
    options.only && previous && cache && form && cache.lastForm === form && previous.market.symbol === market.symbol && previous.url === url ? previous : null;
  /** The previous result for a field the trader did not type into, else a fresh read. */
  const fresh = <K extends PageFieldName>(field: K, read: () => PageFields[K]): PageFields[K] => {
    if (!reuse || options.only?.has(field)) return read();
    passed[field] = reuse.health.find((h) => h.field === field)?.passedOver ?? [];
    return reuse.fields[field];
  };
  // The page's own unambiguous numbers outrank the locale guess: a ru page may still print 84,012.3.
  // A keystroke keeps the prices of the last full read (the title observer and the slow poll
  // re-read them), and with them the separator they showed.
  const priceNodes = reuse
    ? null
    : {
        lastPrice: resolve(ctx, adapter.lastPrice, form, { defaultScope: 'document' }),
        markPrice: resolve(ctx, adapter.markPrice, form, { defaultScope: 'document' }),
      };
  if (priceNodes) {
    const samples = [doc.title ?? ''];
    for (const r of Object.values(priceNodes)) if ('found' in r) samples.push(r.found.text);
    ctx.decimal = pageDecimal(samples) ?? decimal;
  } else if (cache) ctx.decimal = cache.lastDecimal;
  if (cache) {
    cache.lastForm = form;
    cache.lastDecimal = ctx.decimal;
  }
  const formField = <T>(read: () => FieldResult<T>): FieldResult<T> => (form ? read() : missing(formMissing));

  const price = (field: 'lastPrice' | 'markPrice', what: string) =>
    fresh(field, () => {
      const r = (priceNodes as NonNullable<typeof priceNodes>)[field];
      passed[field] = r.passedOver;
      return interpret(r, positiveNumber(ctx, what, true));
    });
  const orderType = fresh('orderType', () =>
    formField(() => {
      const r = resolve(ctx, adapter.orderType, form, { defaultScope: 'form' });
      passed.orderType = r.passedOver;
      return interpret<OrderType>(r, (text) => orderTypeFromText(text) ?? why(`${quote(text)} is not a plain market or limit order`));
    }),
  );
  const limitPrice = fresh('limitPrice', () =>
    formField<number>(() => {
      if ('value' in orderType && orderType.value === 'market') return missing('market order: it fills at the market price, there is no limit price');
      const r = resolve(ctx, adapter.limitPrice, form, { defaultScope: 'form', input: true });
      passed.limitPrice = r.passedOver;
      return interpret(r, positiveNumber(ctx, 'limit price', false));
    }),
  );

  const side = fresh('side', () => formField(() => readSide(ctx, adapter, form, passed)));
  const fields: PageFields = {
    lastPrice: price('lastPrice', 'last price'),
    markPrice: price('markPrice', 'mark price'),
    titlePrice: fresh('titlePrice', () => priceFromTitle(doc.title ?? '', adapter.symbolSpellings(market), ctx.decimal)),
    side,
    orderType,
    limitPrice,
    size: fresh('size', () => formField(() => readSize(ctx, adapter, form, market, passed))),
    leverage: fresh('leverage', () => formField(() => readLeverageField(ctx, adapter, form, side, passed))),
    marginMode: fresh('marginMode', () => readMarginMode(ctx, adapter, form, url, passed)),
    availableBalance: fresh('availableBalance', () => formField(() => readBalance(ctx, adapter, form, passed))),
    estLiqPrice: fresh('estLiqPrice', () =>
      formField(() => {
        const r = resolve(ctx, adapter.estLiqPrice ?? [], form, { defaultScope: 'form' });
        passed.estLiqPrice = r.passedOver;
        return interpret(r, positiveNumber(ctx, 'estimated liquidation price', true));
      }),
    ),
    position: fresh('position', () => readPosition(ctx, adapter, market, passed)),
  };
  return {
    venue: adapter.venue,
    market,
    url,
    readAt: (options.now ?? Date.now)(),
    fields,
    health: health(fields, passed),
    refusedSensitive: ctx.refusedCount(),
  };
}
