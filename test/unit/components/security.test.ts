import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const FORBIDDEN = /\binnerHTML\b|\bouterHTML\b|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\b|\beval\s*\(|new\s+Function\s*\(/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

describe('no HTML injection or eval in shipped code', () => {
  const shipped = ['components', 'entrypoints', 'core'].flatMap((d) => files(join(ROOT, d)));
  it('scans the shipped sources', () => {
    expect(shipped.length).toBeGreaterThan(20);
  });
  it('finds none of innerHTML, outerHTML, dangerouslySetInnerHTML, insertAdjacentHTML, document.write, eval, new Function', () => {
    const hits = shipped.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => FORBIDDEN.test(line) && !/^\s*(\/\/|\*)/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });
  it('the pattern does catch each form', () => {
    for (const bad of [
      'el.innerHTML = x',
      '<p dangerouslySetInnerHTML={{ __html: x }} />',
      'eval(code)',
      'new Function("a")',
      'el.insertAdjacentHTML("beforeend", s)',
    ]) {
      expect(FORBIDDEN.test(bad), bad).toBe(true);
    }
  });
});
