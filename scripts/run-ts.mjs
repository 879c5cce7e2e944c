// Runs a TypeScript file with the project's tsx: `node scripts/run-ts.mjs file.ts [args…]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const tsx = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
if (!fs.existsSync(tsx)) {
  console.error(`tsx not found at ${tsx}: run npm install`);
  process.exit(2);
}
const result = spawnSync(tsx, [file, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
