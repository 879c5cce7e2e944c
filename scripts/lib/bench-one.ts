// Runs one bench file in its own process (so memory figures are its own) and hands its rows to
// scripts/bench.mjs on one marked stdout line; the bench's own logging goes to stderr.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

import type { BenchRow } from './bench-types.ts';

const ROWS_MARKER = 'LIQLENS_BENCH_ROWS ';

const file = process.argv[2];
if (!file) throw new Error('usage: bench-one.ts <bench file>');
console.log = (...args: unknown[]) => console.error(...args);
// Through Vite's module runner, as the extension's own build and the tests load code: the venue
// registries are derived from the venue folders with import.meta.glob, which only Vite resolves.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The server stays up while the bench runs: benches import more modules as they go.
const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
  resolve: { alias: { '@': root } },
});
const mod = (await vite.ssrLoadModule(path.resolve(file))) as { default?: () => Promise<BenchRow[]> };
if (typeof mod.default !== 'function') throw new Error(`${file} has no default export run(): Promise<BenchRow[]>`);
const rows = await mod.default();
await vite.close();
process.stdout.write(`${ROWS_MARKER}${JSON.stringify(rows)}\n`);
process.exit(0);
