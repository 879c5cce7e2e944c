import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** Per property; two properties per parser (random JSON, mutated recordings): ~200 inputs each. */
export const RUNS = 100;

/**
 * Fixed by default so the unit suite is repeatable; LIQLENS_FUZZ_SEED=<n> replays a run and
 * LIQLENS_FUZZ_SEED=random explores (a failure prints its seed and counterexample).
 */
const seedEnv = process.env.LIQLENS_FUZZ_SEED;
fc.configureGlobal(seedEnv === 'random' ? {} : { seed: seedEnv ? Number(seedEnv) : 20_261_203 });
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** Every JSON fixture under test/fixtures/<dir>/ whose path matches, parsed. */
export function fixtures(dir: string, match: RegExp): { name: string; json: unknown }[] {
  const root = path.join(FIXTURES, dir);
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && match.test(f))
    .map((f) => ({ name: `${dir}/${f}`, json: JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as unknown }));
}

/** Values exchanges never should send, and that naive number parsing gets wrong. */
const TRICKY: unknown[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '-0',
  '0',
  '1e400',
  '1e-400',
  '0x10',
  ' 12 ',
  '',
  '1,5',
  '9'.repeat(400),
  -1,
  -0,
  0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  1e-320,
  null,
  true,
  [],
  {},
  '__proto__',
  { __proto__: { polluted: 1 } },
];

export const tricky = fc.constantFrom(...TRICKY);
export const anyJson = fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) }, { weight: 1, arbitrary: tricky });

type Path = (string | number)[];
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (out.length > 5000) return out;
  out.push(at);
  if (Array.isArray(value)) value.slice(0, 50).forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** One edit: replace, delete or duplicate the value at a path (chosen by index). */
export const mutation = fc.record({ pick: fc.nat(), kind: fc.constantFrom('replace', 'replace', 'delete', 'stringify', 'negate'), value: anyJson });
type Mutation = { pick: number; kind: string; value: unknown };

export function mutate(original: unknown, edits: Mutation[]): unknown {
  let json = structuredClone(original);
  for (const edit of edits) {
    const all = paths(json);
    const at = all[edit.pick % all.length]!;
    if (at.length === 0) {
      json = edit.kind === 'replace' ? edit.value : json;
      continue;
    }
    const parent = at.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], json) as Record<string | number, unknown>;
    const key = at[at.length - 1]!;
    const current = parent[key];
    if (edit.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (edit.kind === 'stringify') parent[key] = typeof current === 'number' ? ` ${current}` : JSON.stringify(current ?? null);
    else if (edit.kind === 'negate') parent[key] = typeof current === 'number' ? -current : typeof current === 'string' ? `-${current}` : edit.value;
    else parent[key] = edit.value;
  }
  return json;
}

/** Keys whose numbers are prices or sizes: never negative. */
const NON_NEGATIVE =
  /price|size|qty|quantity|usd|volume|^open$|^high$|^low$|^close$|mark|notional|cap|floor|mmr|maintenance|amount|ctval|tick|^base$|^buy$|^sell$|leverage|value|total/i;

/**
 * Prices, sizes and amounts in a parser's output are finite and not negative. Two documented
 * sentinels pass: a tier's `cap` of +Infinity (the open-ended top bracket; the tier tests check it
 * is only ever the last one) and `time: NaN` where a venue's answer carries no timestamp ("as of
 * the fetch", Gate and Hyperliquid marks). Any other number must be finite.
 */
export function assertSaneNumbers(value: unknown, at = 'result'): void {
  if (typeof value === 'number') {
    const key = at
      .split('.')
      .pop()!
      .replace(/\[\d+\]$/, '');
    if (key === 'cap' && value === Number.POSITIVE_INFINITY) return;
    if (key === 'time' && Number.isNaN(value)) return;
    if (!Number.isFinite(value)) throw new Error(`${at} is ${value}`);
    if (NON_NEGATIVE.test(key) && value < 0) throw new Error(`${at} is negative (${value})`);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => assertSaneNumbers(v, `${at}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertSaneNumbers(v, `${at}.${k}`);
}

/**
 * Runs `parse` and checks it either returns sane numbers or throws one of `allowed`; anything
 * else (TypeError, RangeError, a plain Error) is a bug the property reports.
 */
export function checkParser(parse: () => unknown, allowed: readonly (abstract new (...args: never[]) => Error)[], extra?: (out: unknown) => void): void {
  let out: unknown;
  try {
    out = parse();
  } catch (error) {
    if (allowed.some((type) => error instanceof type)) return;
    throw error;
  }
  assertSaneNumbers(out);
  extra?.(out);
}
