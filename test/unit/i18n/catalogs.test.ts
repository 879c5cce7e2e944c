import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '@/core/i18n/catalogs/en';
import { zh_CN } from '@/core/i18n/catalogs/zh_CN';
import { enPages } from '@/core/i18n/catalogs/en-pages';
import { zh_CNPages } from '@/core/i18n/catalogs/zh_CN-pages';
import { createTranslator, resolveLanguage } from '@/core/i18n/i18n';
import { LANGUAGES, LEVERAGE_PRESETS, NUMBER_FORMATS, THEMES } from '@/core/settings/settings';
// Chinese is registered on demand (the content script asks the background for it).
import '@/core/i18n/zh_CN';

const ROOT = join(__dirname, '../../..');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

/** User-visible attributes: a literal here would bypass translation. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'aria-valuetext']);

/** Hard-coded English in JSX: text nodes, `{'…'}` children and user-visible attribute literals. */
function hardCodedText(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const letters = /[A-Za-z]{2,}/;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && letters.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      ts.isJsxElement(node.parent) &&
      letters.test(node.expression.text)
    ) {
      found.push(node.expression.text);
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
          ? init.expression
          : null;
      if (literal && letters.test(literal.text)) found.push(`${node.name.getText()}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('message catalogs', () => {
  const pairs = [
    ['overlay', en, zh_CN],
    ['pages', enPages, zh_CNPages],
  ] as [string, Record<string, string>, Record<string, string>][];
  it.each(pairs)('%s: the same keys in English and Simplified Chinese', (_n, english, chinese) => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  });
  it.each(pairs)('%s: no empty strings', (_n, english, chinese) => {
    for (const [lang, catalog] of Object.entries({ en: english, zh_CN: chinese })) {
      for (const [key, value] of Object.entries(catalog)) expect(value.trim(), `${lang}.${key}`).not.toBe('');
    }
  });
  it.each(pairs)('%s: the same placeholders in both languages', (_n, english, chinese) => {
    for (const key of Object.keys(english)) expect(placeholders(chinese[key]!), key).toEqual(placeholders(english[key]!));
  });
  it('names every choice the settings offer (presets, themes, languages, number formats)', () => {
    const choices = [
      ...LEVERAGE_PRESETS.map((v) => `preset_${v}`),
      ...THEMES.map((v) => `theme_${v}`),
      ...LANGUAGES.map((v) => `language_${v}`),
      ...NUMBER_FORMATS.map((v) => `numberFormat_${v}`),
    ];
    expect(choices.filter((k) => !Object.hasOwn(enPages, k))).toEqual([]);
  });
  it('keeps overlay and page keys apart (no key in both)', () => {
    expect(Object.keys(enPages).filter((k) => Object.hasOwn(en, k))).toEqual([]);
  });
  it('has a Chinese catalog that is actually Chinese where it holds prose', () => {
    const prose = Object.entries({ ...zh_CN, ...zh_CNPages }).filter(([k]) => !/^(appName|language_|numberFormat_)/.test(k));
    const han = prose.filter(([, v]) => /[\u4e00-\u9fff]/.test(v));
    expect(han.length / prose.length).toBeGreaterThan(0.95);
  });
  it('fills placeholders and lets the language setting override the browser', () => {
    expect(createTranslator('en')('realizedTotal', { usd: '$60.1M' })).toBe('Total $60.1M');
    expect(createTranslator('zh_CN')('realizedTotal', { usd: '$60.1M' })).toBe('合计 $60.1M');
    expect(createTranslator('en')('realizedTotal')).toBe('Total {usd}');
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'fr-FR')).toBe('en');
    expect(resolveLanguage('zh_CN', 'en-US')).toBe('zh_CN');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
  });
  it('keeps the manifest strings in public/_locales for both languages', () => {
    for (const lang of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      for (const key of ['extName', 'extDescription', 'commandToggleOverlay']) expect(messages[key]?.message.trim(), `${lang}.${key}`).toBeTruthy();
    }
  });
});

describe('no hard-coded user-visible English', () => {
  const uiFiles = [
    ...files(join(ROOT, 'components'), /\.tsx$/),
    ...['exchange.content', 'popup', 'options'].flatMap((d) => files(join(ROOT, 'entrypoints', d), /\.tsx$/)),
  ];
  it('scans a real set of component files', () => {
    expect(uiFiles.length).toBeGreaterThan(10);
  });
  it.each(uiFiles.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(hardCodedText(file)).toEqual([]);
  });
  it("overlay code uses only overlay keys and never loads the pages' strings (content-script size)", () => {
    const overlayFiles = [
      ...files(join(ROOT, 'components/overlay'), /\.tsx?$/),
      ...files(join(ROOT, 'components/shared'), /\.tsx?$/),
      ...files(join(ROOT, 'entrypoints/exchange.content'), /\.tsx?$/),
    ];
    for (const file of overlayFiles) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes('i18n/pages'), relative(ROOT, file)).toBe(false);
      for (const m of text.matchAll(/\bt\('(\w+)'/g)) expect(Object.hasOwn(en, m[1]!), `${relative(ROOT, file)}: ${m[1]}`).toBe(true);
    }
  });
  it('nothing the content script imports pulls in Chinese: it comes from the background on request', () => {
    const seen = new Set<string>();
    const resolve = (from: string, spec: string): string | null => {
      const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? join(from, '..', spec) : null;
      if (!base) return null;
      for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
        if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
      return null;
    };
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
        const next = resolve(file, m[1]!);
        if (next && /\.tsx?$/.test(next)) walk(next);
      }
    };
    walk(join(ROOT, 'entrypoints/exchange.content/index.tsx'));
    const reached = [...seen].map((f) => relative(ROOT, f));
    expect(reached).toContain('core/i18n/i18n.ts');
    expect(reached).toContain('core/i18n/engine-notes.ts');
    expect(reached.filter((f) => /zh_CN/.test(f))).toEqual([]);
  });
  it('the scanner does catch text nodes, literal children and labels', () => {
    const text =
      "export const A = (x: string) => <div aria-label=\"Close it\" title={'Hint text'}><p>Loading data</p>{'Retry now'}<span>{x}</span><b>12 %</b></div>;";
    expect(hardCodedText('probe.tsx', text)).toEqual(['aria-label="Close it"', 'title="Hint text"', 'Loading data', 'Retry now']);
  });
});
