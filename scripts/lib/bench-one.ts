// Runs one bench file in its own process (so memory figures are its own) and hands its rows to
// scripts/bench.mjs on one marked stdout line; the bench's own logging goes to stderr.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { BenchRow } from './bench-types.ts';

const ROWS_MARKER = 'LIQLENS_BENCH_ROWS ';

const file = process.argv[2];
if (!file) throw new Error('usage: bench-one.ts <bench file>');
console.log = (...args: unknown[]) => console.error(...args);
const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: () => Promise<BenchRow[]> };
if (typeof mod.default !== 'function') throw new Error(`${file} has no default export run(): Promise<BenchRow[]>`);
const rows = await mod.default();
process.stdout.write(`${ROWS_MARKER}${JSON.stringify(rows)}\n`);
process.exit(0);
