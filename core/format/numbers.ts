/**
 * Parses numbers as exchange pages display them: `1,234.5`, `1.234,5`, `1 234,5` (any space,
 * incl. U+00A0/U+202F), `12.5K`, `1.2万`, full-width digits, U+2212 minus, currency words and `%`.
 *
 * A number a trader acts on must never be guessed: when the separators allow two readings
 * (`1,234` is 1234 in en and 1.234 in de) the caller's decimal-separator hint decides, and without
 * a hint the result is `ambiguous`, not a coin flip. Failures are values, never NaN or exceptions.
 */

export type DecimalSeparator = '.' | ',';

export interface NumberHints {
  /** The page's decimal separator (from the venue or `<html lang>`); resolves `1,234`/`1.234`. */
  decimal?: DecimalSeparator;
}

export interface ParsedNumber {
  ok: true;
  value: number;
  /** The text ended in `%`: the value is a percentage (25 for "25%"), not an amount. */
  percent: boolean;
  /** A trailing unit word such as `USDT`, `BTC`, `Cont` or `张`, if any. */
  unit: string | null;
}

export type NumberFailure = 'empty' | 'ambiguous' | 'unparseable';

export interface NumberError {
  ok: false;
  reason: NumberFailure;
  detail: string;
}

export type NumberResult = ParsedNumber | NumberError;

const MAX_INPUT_LENGTH = 80;
const SCALE: Record<string, number> = { k: 3, K: 3, m: 6, M: 6, b: 9, B: 9, 万: 4, 亿: 8 };
const MINUS = /^[-\u2212\u2012\u2013\u2014\ufe63\uff0d]$/;
const SPACES = /[\s\u00a0\u2007\u2009\u202f']/g;
const HAS_SPACE = /[\s\u00a0\u2007\u2009\u202f']/;
/** sign? currency? number-body scale? percent? unit? — the whole (normalised) text must match. */
const SHAPE =
  /^([+\-\u2212\u2012\u2013\u2014\ufe63\uff0d])?\s*([$€¥£≈~]\s*)?([0-9][0-9.,\s\u00a0\u2007\u2009\u202f']*|[.,][0-9]+)\s*([kKmMbB万亿](?![A-Za-z]))?\s*(%)?\s*([A-Za-z\u4e00-\u9fff][A-Za-z0-9.\u4e00-\u9fff]{0,11})?$/;

function fail(reason: NumberFailure, detail: string): NumberError {
  return { ok: false, reason, detail };
}

/** NFKC turns full-width digits and punctuation (`１２３．５`, `，`) into ASCII. */
function normalise(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\u3000/g, ' ')
    .trim();
}

const GROUPED = /^[0-9]{1,3}(?:,[0-9]{3})+$/;

function isGrouping(integerPart: string, separator: string): boolean {
  return GROUPED.test(integerPart.split(separator).join(','));
}

/** Resolves the digits-and-separators body to a plain `123.45` string, or explains why it cannot. */
function resolveSeparators(body: string, hints: NumberHints): string | NumberError {
  const spaced = HAS_SPACE.test(body);
  let s = body;
  if (spaced) {
    // Spaces only ever group thousands; every group after the first must have three digits.
    const integerEnd = s.search(/[.,]/);
    const integerPart = integerEnd === -1 ? s : s.slice(0, integerEnd);
    const groups = integerPart.split(SPACES).filter(Boolean);
    if (groups.length > 1 && !isGrouping(groups.join(','), ',')) return fail('unparseable', `bad digit grouping in "${body}"`);
    s = s.replace(SPACES, '');
  }
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return s;

  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [integerPart, fraction, ...rest] = s.split(decimal);
    if (rest.length > 0 || !fraction || fraction.includes(group)) return fail('unparseable', `mixed separators in "${body}"`);
    if (!isGrouping(integerPart ?? '', group)) return fail('unparseable', `bad digit grouping in "${body}"`);
    return `${(integerPart ?? '').split(group).join('')}.${fraction}`;
  }

  const separator = dots > 0 ? '.' : ',';
  const count = Math.max(dots, commas);
  if (count > 1) {
    // Repeated: can only be grouping ("1,234,567" / "1.234.567").
    if (!isGrouping(s, separator)) return fail('unparseable', `bad digit grouping in "${body}"`);
    return s.split(separator).join('');
  }
  const [integerPart = '', fraction = ''] = s.split(separator);
  if (integerPart === '') return `0.${fraction}`; // ".5"
  if (fraction === '') return fail('unparseable', `trailing separator in "${body}"`);
  if (spaced) return `${integerPart}.${fraction}`; // "1 234,5": with space grouping the separator is decimal
  const couldBeGrouping = fraction.length === 3 && /^[1-9][0-9]{0,2}$/.test(integerPart);
  if (!couldBeGrouping) return `${integerPart}.${fraction}`;
  if (!hints.decimal)
    return fail(
      'ambiguous',
      `"${body}" is ${integerPart}${fraction} with "${separator}" as grouping, ${integerPart}.${fraction} as decimal; no decimal-separator hint`,
    );
  return hints.decimal === separator ? `${integerPart}.${fraction}` : `${integerPart}${fraction}`;
}

/** Multiplies by 10^exponent in decimal (string) space so `1.2M` is exactly 1200000. */
function scaled(plain: string, exponent: number): number {
  return exponent === 0 ? Number(plain) : Number(`${plain}e${exponent}`);
}

export function parseNumber(raw: string | null | undefined, hints: NumberHints = {}): NumberResult {
  if (raw == null) return fail('empty', 'no text');
  if (raw.length > MAX_INPUT_LENGTH) return fail('unparseable', 'text too long to be one number');
  const text = normalise(raw);
  if (text === '' || /^[-–—\s]+$/.test(text)) return fail('empty', `no number in "${raw}"`);
  const match = SHAPE.exec(text);
  if (!match) return fail('unparseable', `"${raw}" is not a number`);
  const [, sign, , body = '', scale, percent, unit] = match;
  if (unit && /^e[0-9]/i.test(unit)) return fail('unparseable', `exponent notation "${raw}" is not a displayed price`);
  const plain = resolveSeparators(body.trim(), hints);
  if (typeof plain !== 'string') return plain;
  if (!/^[0-9]*\.?[0-9]+$|^[0-9]+$/.test(plain)) return fail('unparseable', `"${raw}" is not a number`);
  const magnitude = scaled(plain, scale ? (SCALE[scale] ?? 0) : 0);
  if (!Number.isFinite(magnitude)) return fail('unparseable', `"${raw}" is out of range`);
  const negative = !!sign && MINUS.test(sign);
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value, percent: !!percent, unit: unit ?? null };
}

/** Convenience: the value or null (use `parseNumber` where the reason must be shown). */
export function parseNumberOrNull(raw: string | null | undefined, hints: NumberHints = {}): number | null {
  const result = parseNumber(raw, hints);
  return result.ok ? result.value : null;
}

const NUMBER_TOKEN = /[+\-\u2212]?[0-9\uff10-\uff19][0-9\uff10-\uff19.,\uff0e\uff0c\u00a0\u202f\u2009 ]*(?:[kKmMbB万亿](?![A-Za-z]))?\s*%?/g;

/**
 * Finds the single number inside mixed text such as `Available6,996.26 USDT` or `可用 1 234,5 USDT`.
 * Two different numbers in one text are ambiguous: the caller must point at a narrower node.
 */
export function findNumber(text: string | null | undefined, hints: NumberHints = {}): NumberResult {
  if (text == null) return fail('empty', 'no text');
  if (text.length > 400) return fail('unparseable', 'text too long');
  const tokens = (text.match(NUMBER_TOKEN) ?? []).map((t) => t.trim()).filter((t) => /[0-9\uff10-\uff19]/.test(t));
  if (tokens.length === 0) return fail('empty', `no number in "${text.trim().slice(0, 40)}"`);
  if (tokens.length > 1) return fail('ambiguous', `several numbers in "${text.trim().slice(0, 60)}"`);
  const token = tokens[0] ?? '';
  const result = parseNumber(token, hints);
  if (!result.ok) return result;
  const after = text.slice(text.indexOf(token) + token.length).trim();
  const unit = /^([A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff]{0,11})(?![A-Za-z0-9])/.exec(after)?.[1] ?? null;
  return { ...result, unit: result.unit ?? unit };
}

/** The decimal separator of a BCP-47 locale (`de` → `,`), or undefined when unknown. */
export function decimalSeparatorFor(locale: string | null | undefined): DecimalSeparator | undefined {
  if (!locale) return undefined;
  try {
    const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    return decimal === ',' ? ',' : decimal === '.' ? '.' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The decimal separator a page actually uses, read from numbers that can only be read one way
 * (`84,012.3`, `84.012,5`, `0,5`, `1,234,567`). Undefined when the samples show none or disagree.
 */
export function inferDecimalSeparator(samples: readonly string[]): DecimalSeparator | undefined {
  const seen = new Set<DecimalSeparator>();
  for (const sample of samples) {
    for (const token of sample.normalize('NFKC').match(/[0-9][0-9.,]*[0-9]/g) ?? []) {
      const dots = (token.match(/\./g) ?? []).length;
      const commas = (token.match(/,/g) ?? []).length;
      if (dots > 0 && commas > 0) seen.add(token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',');
      else if (dots > 1) seen.add(',');
      else if (commas > 1) seen.add('.');
      else if (dots + commas === 1) {
        const [integerPart = '', fraction = ''] = token.split(/[.,]/);
        const separator: DecimalSeparator = dots === 1 ? '.' : ',';
        if (fraction.length !== 3 || integerPart === '0') seen.add(separator);
      }
    }
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}
