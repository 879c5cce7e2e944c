import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateNote } from '@/core/i18n/engine-notes';
import { computeLiquidation, orderToLiquidationInputs } from '@/core/liquidation';

const ROOT = join(__dirname, '../../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.ts$/.test(n) ? [join(dir, n)] : []));
}

describe('engine notes in Chinese', () => {
  it('translates the notes of real engine results', () => {
    const plan = orderToLiquidationInputs({ venue: 'gate', side: 'long', type: 'market', markPrice: 80_000, size: { value: 0.1, unit: 'coin' }, leverage: 10, marginMode: 'cross', tier: { mmr: 0.005, maintenanceAmount: 0 } });
    const result = computeLiquidation(plan.inputs[0]!);
    expect(result.assumptions.length).toBeGreaterThan(2);
    for (const note of result.assumptions) expect(translateNote(note, 'zh_CN'), note).toMatch(/[\u4e00-\u9fff]/);
  });
  it('covers every fixed sentence the engine and the venue rules write', () => {
    const sources = [...files(join(ROOT, 'core/liquidation')), ...files(join(ROOT, 'core/venues')).filter((f) => f.endsWith('liquidation.ts'))];
    const sentences = sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:assumptions\.push\(|notes: \[\s*)'((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
    expect(sentences.length).toBeGreaterThan(10);
    const untranslated = sentences.filter((s) => !/[\u4e00-\u9fff]/.test(translateNote(s, 'zh_CN')));
    expect(untranslated).toEqual([]);
  });
  it('leaves English as it is and unknown sentences untouched', () => {
    expect(translateNote('No existing position visible: assumed none.', 'en')).toBe('No existing position visible: assumed none.');
    expect(translateNote('Something new.', 'zh_CN')).toBe('Something new.');
    expect(translateNote('Taker fee rate unknown: assumed 0.05%.', 'zh_CN')).toBe('吃单费率未知：按 0.05% 计算。');
  });
});
