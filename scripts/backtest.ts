// Backtest of the key-less model against realized liquidations (issue 5 item 7). Prints one JSON line:
// per side, Spearman ρ of model, baseline and excess, realized ÷ predicted USD in total and the share
// of intervals the model predicted exactly 0 for.
// npm run backtest -- --klines F [--klines F …] --oi F --liquidations F [--from ISO] [--to ISO]
//   [--preset NAME] [--set key=JSON …] [--grid-step FRACTION]   (defaults: the extension's settings)
// npm run backtest -- --write-calibration   measures every fixture window with the default model, prints
//   realized ÷ predicted and zero share per window and side, and writes core/model/calibration.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BacktestInputError, runBacktest } from '../core/model/backtest';
import { CsvFormatError, parseKlinesCsv, parseLiquidationsCsv, parseOiCsv } from '../core/model/csv';
import { DEFAULT_PRESET, modelSettings } from '../core/model/presets';
import { calibrationJson, measureCalibration } from './lib/calibration-sources';

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const out = {
    klines: [] as string[],
    oi: '',
    liquidations: '',
    from: undefined as number | undefined,
    to: undefined as number | undefined,
    preset: DEFAULT_PRESET,
    set: {} as Record<string, unknown>,
    gridStep: undefined as number | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${flag}"`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    i++;
    if (flag === '--klines') out.klines.push(value);
    else if (flag === '--oi') out.oi = value;
    else if (flag === '--liquidations') out.liquidations = value;
    else if (flag === '--preset') out.preset = value;
    else if (flag === '--set') {
      const eq = value.indexOf('=');
      if (eq < 1) throw new UsageError(`--set wants key=value, got "${value}"`);
      const raw = value.slice(eq + 1);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = raw;
      }
      out.set[value.slice(0, eq)] = parsed;
    } else if (flag === '--grid-step') {
      const g = Number(value);
      if (!(g > 0 && g < 0.05)) throw new UsageError(`--grid-step: "${value}" is not a fraction of price in (0, 0.05)`);
      out.gridStep = g;
    } else if (flag === '--from' || flag === '--to') {
      const t = Date.parse(value);
      if (!Number.isFinite(t)) throw new UsageError(`${flag}: "${value}" is not an ISO date`);
      out[flag === '--from' ? 'from' : 'to'] = t;
    } else throw new UsageError(`unknown option ${flag}`);
  }
  if (out.klines.length === 0 || !out.oi || !out.liquidations) {
    throw new UsageError('usage: backtest --klines F [--klines F …] --oi F --liquidations F [--from ISO] [--to ISO]');
  }
  return out;
}

function read(path: string, what: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${what}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const bars = args.klines.flatMap((f) => parseKlinesCsv(read(f, '--klines'), f));
  const oi = parseOiCsv(read(args.oi, '--oi'), args.oi);
  const realized = parseLiquidationsCsv(read(args.liquidations, '--liquidations'), args.liquidations);
  let settings;
  try {
    settings = modelSettings(args.preset, args.set);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const result = runBacktest({
    bars,
    oi,
    realized,
    settings,
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    from: args.from,
    to: args.to,
    gridStepFraction: args.gridStep,
  });
  const r = (x: number) => (Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : null);
  const side = (s: typeof result.long) => ({
    model: r(s.model),
    baseline: r(s.baseline),
    excess: r(s.excess),
    realizedOverPredicted: Number.isFinite(s.realizedOverPredicted)
      ? Math.round(s.realizedOverPredicted * 1000) / 1000
      : s.realizedOverPredicted === Infinity
        ? 'inf'
        : null,
    zeroShare: r(s.zeroShare),
  });
  console.log(JSON.stringify({ intervals: result.intervals, long: side(result.long), short: side(result.short) }));
}

async function writeCalibration(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const table = measureCalibration(root);
  for (const w of table.windows) {
    const side = (s: typeof w.long) => `realized ÷ predicted ${s.realizedOverPredicted}, predicted 0 in ${(s.zeroShare * 100).toFixed(1)}%`;
    console.log(`${w.id.padEnd(11)} ${w.from} … ${w.to} (${w.hours} h)  long: ${side(w.long)}  short: ${side(w.short)}`);
  }
  const file = path.join(root, 'core/model/calibration.json');
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(calibrationJson(table), { ...options, filepath: file }));
  console.log(`wrote ${path.relative(root, file)}`);
}

try {
  if (process.argv.includes('--write-calibration')) await writeCalibration();
  else main();
} catch (e) {
  if (e instanceof UsageError || e instanceof CsvFormatError || e instanceof BacktestInputError) {
    console.error(`backtest: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
