import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every case of every `*.json` under `test/vectors/<kind>/` (a file holds one case or an array),
 * in file order: a data-driven suite makes one test per case, so adding a file adds tests.
 */
export function loadVectorCases<T>(kind: string): { file: string; case: T }[] {
  const dir = resolve(__dirname, '../vectors', kind);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as T | T[];
      return (Array.isArray(data) ? data : [data]).map((c) => ({ file, case: c }));
    });
}
