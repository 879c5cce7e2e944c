/** test/fixtures/README.md, the coverage table: it names every venue and cites only files that exist. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENUE_IDS } from '@/core/venues/registry';

const FIXTURES = join(__dirname, '../fixtures');
const table = readFileSync(join(FIXTURES, 'README.md'), 'utf8');

describe('fixture coverage table (test/fixtures/README.md)', () => {
  it('names every venue of the registry in each of its three tables', () => {
    const sections = table.split(/^## /m).slice(1);
    expect(sections).toHaveLength(3);
    const [page, endpoints, rule] = sections as [string, string, string];
    const header = page.split('\n').find((l) => l.startsWith('| field |'))!;
    for (const id of VENUE_IDS) {
      expect(header, `page table column ${id}`).toContain(`| ${id} `);
      expect(endpoints, `endpoint rows of ${id}`).toMatch(new RegExp(`^\\| ${id} \\|`, 'm'));
      expect(rule, `rule row of ${id}`).toMatch(new RegExp(`^\\| ${id} \\|`, 'm'));
    }
  });

  it('cites only fixture files that exist', () => {
    const cited = [...table.matchAll(/`((?:api|tiers|pages|positions|market|replay|sites)\/[^`]+\.(?:json|csv|html))`/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThan(30);
    const missing = cited.filter((f) => !existsSync(join(FIXTURES, f)));
    expect(missing).toEqual([]);
  });
});
