import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { translateNote } from '@/core/i18n/engine-notes';
import { computeLiquidation, orderToLiquidationInputs } from '@/core/liquidation';
// Chinese is registered on demand (the content script asks the background for it).
import '@/core/i18n/zh_CN';

const ROOT = join(__dirname, '../../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.ts$/.test(n) ? [join(dir, n)] : []));
}

describe('engine notes in Chinese', () => {
  it('translates the notes of real engine results', () => {
    const plan = orderToLiquidationInputs({
      venue: 'gate',
      side: 'long',
      type: 'market',
      markPrice: 80_000,
      size: { value: 0.1, unit: 'coin' },
      leverage: 10,
      marginMode: 'cross',
      tier: { mmr: 0.005, maintenanceAmount: 0 },
    });
    const result = computeLiquidation(plan.inputs[0]!);
    expect(result.assumptions.length).toBeGreaterThan(2);
    for (const note of result.assumptions) expect(translateNote(note, 'zh_CN'), note).toMatch(/[\u4e00-\u9fff]/);
  });
  it('covers every fixed sentence the engine and the venue rules write', () => {
    const sources = [...files(join(ROOT, 'core/liquidation')), ...files(join(ROOT, 'core/venues')).filter((f) => f.endsWith('liquidation.ts'))];
    const sentences = sources.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:assumptions\.push\(|notes: \[\s*)'((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")),
    );
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

describe('a language registered on demand', () => {
  it('before registration a key and a note stay in English; after it, the transported tables translate', async () => {
    vi.resetModules();
    const i18n = await import('@/core/i18n/i18n');
    const notes = await import('@/core/i18n/engine-notes');
    const { zh_CN } = await import('@/core/i18n/catalogs/zh_CN');
    const { zh_CNNotes } = await import('@/core/i18n/catalogs/zh_CN-notes');
    expect(i18n.hasCatalog('zh_CN')).toBe(false);
    expect(i18n.createTranslator('zh_CN')('realizedTotal', { usd: '$1M' })).toBe('Total $1M');
    expect(notes.translateNote('Taker fee rate unknown: assumed 0.05%.', 'zh_CN')).toBe('Taker fee rate unknown: assumed 0.05%.');
    // What crosses the message channel is structured-cloned JSON: the same tables, no functions.
    const wire = JSON.parse(
      JSON.stringify({ messages: { ...zh_CN, notAKey: 'x', appName: 42 }, notes: { ...zh_CNNotes, patterns: [...zh_CNNotes.patterns, ['(unclosed', 'x']] } }),
    ) as { messages: Record<string, unknown>; notes: typeof zh_CNNotes };
    i18n.addCatalog('zh_CN', wire.messages);
    notes.addNotes('zh_CN', wire.notes);
    expect(i18n.hasCatalog('zh_CN')).toBe(true);
    expect(i18n.createTranslator('zh_CN')('realizedTotal', { usd: '$1M' })).toBe('合计 $1M');
    expect(i18n.CATALOGS.zh_CN).not.toHaveProperty('notAKey');
    expect(notes.translateNote('Taker fee rate unknown: assumed 0.05%.', 'zh_CN')).toBe('吃单费率未知：按 0.05% 计算。');
    expect(notes.translateNote('Something new.', 'zh_CN')).toBe('Something new.');
  });
});
