// `npm run bench [name-filter]`: runs every bench/*.bench.ts through tsx, each in its own process,
// then prints one table of all figures. Benches measure and print; they never fail the run on a
// missed goal (timing goals do not belong in pass/fail tests), only on a bench that crashed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const files = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
// Browser benches load the E2E build (.output/chrome-mv3-test); build it from this tree first, so a
// fresh clone can bench and no figure comes from a stale build. `--no-build` skips it.
const browserBenches = files.filter((f) => fs.readFileSync(path.join(root, 'bench', f), 'utf8').includes('extension-browser'));
if (browserBenches.length && !process.argv.includes('--no-build') && !process.env.LIQLENS_EXTENSION_DIR) {
  process.stderr.write('▶ building the extension for the browser benches (LIQLENS_TEST_BUILD=1 wxt build)\n');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LIQLENS_TEST_BUILD: '1' } });
  if (build.status !== 0) {
    console.error('The build failed: run "LIQLENS_TEST_BUILD=1 npx wxt build" to see why.');
    process.exit(1);
  }
}
const tsx = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const MARKER = 'LIQLENS_BENCH_ROWS ';

const table = [];
const crashed = [];
for (const file of files) {
  const started = Date.now();
  process.stderr.write(`▶ bench/${file}\n`);
  const result = spawnSync(tsx, [path.join(root, 'scripts/lib/bench-one.ts'), path.join('bench', file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (result.stdout ?? '').split('\n').find((l) => l.startsWith(MARKER));
  if (result.status !== 0 || !line) {
    crashed.push(file);
    table.push({ bench: file, name: '(bench failed to run)', value: NaN, unit: '', goal: '', ok: false });
    continue;
  }
  for (const row of JSON.parse(line.slice(MARKER.length))) table.push({ bench: file.replace(/\.bench\.ts$/, ''), ...row });
  process.stderr.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const fmt = (v) => (typeof v !== 'number' || Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3));
const rows = table.map((r) => [r.bench, r.name, `${fmt(r.value)} ${r.unit}`.trim(), r.goal ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']);
const head = ['bench', 'measure', 'value', 'goal', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const print = (r) =>
  console.log(
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
console.log('');
print(head);
print(widths.map((w) => '-'.repeat(w)));
rows.forEach(print);
const missed = table.filter((r) => r.ok === false).length;
console.log(
  `\n${table.length} figures from ${files.length} bench file(s); ${missed} goal(s) missed${crashed.length ? `; failed to run: ${crashed.join(', ')}` : ''}.`,
);
process.exit(crashed.length ? 1 : 0);
