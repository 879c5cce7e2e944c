import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const fx = (p: string) => path.join(root, 'test/fixtures/market', p);
const KLINES = fx('klines/binance_um_BTCUSDT-1h-2025-12.csv');
const OI = fx('oi/coinglass_BTC_regime_1h_2025-12-04_2026-02-28.csv');
const LIQ = fx('liquidations/coinglass_aggregated_liquidation_history_BTC_Binance-Bybit-OKX_1h_2025-11-23_2026-02-28.csv');
// Two weeks of December 2025: a slice of the real fixtures chosen with --from/--to.
const WINDOW = ['--from', '2025-12-10T00:00:00Z', '--to', '2025-12-24T00:00:00Z'];

function backtest(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/backtest.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

// Each spawn starts tsx (about a second, more when the machine is busy).
describe('npm run backtest (spawned)', { timeout: 60_000 }, () => {
  const ok = backtest(['--klines', KLINES, '--oi', OI, '--liquidations', LIQ, ...WINDOW]);

  it('prints one JSON line: finite ρ in [−1, 1] for model, baseline and excess, realized ÷ predicted and the zero share', () => {
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.split('\n')).toHaveLength(1);
    const out = JSON.parse(ok.stdout);
    expect(Object.keys(out)).toEqual(['intervals', 'long', 'short']);
    expect(out.intervals).toBe(14 * 24);
    for (const side of ['long', 'short']) {
      expect(Object.keys(out[side])).toEqual(['model', 'baseline', 'excess', 'realizedOverPredicted', 'zeroShare']);
      for (const key of ['model', 'baseline', 'excess']) {
        const rho = out[side][key] as number;
        expect(Number.isFinite(rho)).toBe(true);
        expect(Math.abs(rho)).toBeLessThanOrEqual(1);
      }
      expect(out[side].realizedOverPredicted).toBeGreaterThan(0);
      expect(out[side].zeroShare).toBeGreaterThanOrEqual(0);
      expect(out[side].zeroShare).toBeLessThanOrEqual(1);
    }
  });

  it.skipIf(!hasPython)('has the baseline ρ an independent Python computation gets from the same CSVs', () => {
    const py = spawnSync(
      'python3',
      [path.join(__dirname, 'baseline_spearman.py'), String(Date.UTC(2025, 11, 10)), String(Date.UTC(2025, 11, 24)), OI, LIQ, KLINES],
      { encoding: 'utf8' },
    );
    expect(py.status, py.stderr).toBe(0);
    const expected = JSON.parse(py.stdout);
    const out = JSON.parse(ok.stdout);
    expect(out.intervals).toBe(expected.intervals);
    expect(out.long.baseline).toBeCloseTo(expected.long, 4);
    expect(out.short.baseline).toBeCloseTo(expected.short, 4);
  });

  it('gives the same answer for a headerless kline file', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-bt-'));
    const text = fs.readFileSync(KLINES, 'utf8');
    const headerless = path.join(tmp, 'klines.csv');
    fs.writeFileSync(headerless, text.slice(text.indexOf('\n') + 1));
    const r = backtest(['--klines', headerless, '--oi', OI, '--liquidations', LIQ, ...WINDOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(ok.stdout);
  });

  it('fails with one clear line and exit code 2 on bad input', () => {
    const cases: [string[], RegExp][] = [
      [['--klines', fx('nope.csv'), '--oi', OI, '--liquidations', LIQ], /--klines: cannot read .*nope\.csv \(ENOENT\)/],
      [['--klines', KLINES, '--oi', KLINES, '--liquidations', LIQ], /missing column timestamp/],
      [['--klines', KLINES, '--oi', OI, '--liquidations', LIQ, '--from', '2030-01-01'], /no overlap/],
      [['--klines', KLINES, '--oi', OI], /usage: backtest/],
      [['--klines', KLINES, '--oi', OI, '--liquidations', LIQ, '--from', 'yesterday'], /not an ISO date/],
    ];
    for (const [args, message] of cases) {
      const r = backtest(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^backtest: /);
      expect(r.stderr).toMatch(message);
    }
  });
});
