import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue #16, finding 6: every package in package.json is used, by name, somewhere it can be seen.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|mjs|js)$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(ROOT, dir, f));
}

const files = [
  ...['entrypoints', 'components', 'core', 'scripts', 'test', 'bench'].flatMap(sources),
  ...['wxt.config.ts', 'vitest.config.ts', 'vitest.e2e.config.ts', 'vitest.e2e-firefox.config.ts', 'eslint.config.js'].map((f) => path.join(ROOT, f)),
];
const code = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
const scripts = Object.values(pkg.scripts).join('\n');
const tsconfig = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
/** Packages another listed package needs as a peer (npm would not install them otherwise). */
const peersOfListed = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).flatMap((name) => {
  const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
  return fs.existsSync(manifest) ? Object.keys((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { peerDependencies?: object }).peerDependencies ?? {}) : [];
});
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** CLIs run by the scripts, by the package that provides them. */
const CLI: Record<string, string> = {
  typescript: 'tsc',
  'addons-linter': 'addons-linter',
  wxt: 'wxt',
  vitest: 'vitest',
  tsx: 'tsx',
  eslint: 'eslint',
  prettier: 'prettier',
};

describe('package.json', () => {
  it.each(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }))('%s is used', (name) => {
    const imported = new RegExp(`['"]${escape(name)}(/[^'"]*)?['"]`).test(code);
    const cli = CLI[name] !== undefined && new RegExp(`\\b${escape(CLI[name]!)}\\b`).test(scripts + code);
    const types = name.startsWith('@types/') && tsconfig.includes(`"${name.slice('@types/'.length)}"`);
    expect(imported || cli || types || peersOfListed.includes(name), `${name}: not imported, not run, not a peer of a listed package`).toBe(true);
  });
});
