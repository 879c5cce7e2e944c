import { describe, expect, it } from 'vitest';
import { createAlerts, type AlertDeps } from '@/core/service/alerts';
import { NOT_ALLOWED } from '@/core/alerts/machine';
import { newRule, type AlertRule } from '@/core/alerts/rules';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { SourceError } from '@/core/net/errors';
import type { LocalStorageArea } from '@/core/vendors/keys';
import type { MarkPrice } from '@/core/messages/protocol';

/** storage.local as a plain map, round-tripped through JSON like the browser's structured clone. */
function memoryArea(): LocalStorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (keys) =>
      Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data).map((k) => [k, JSON.parse(JSON.stringify(data[k]))])),
    set: async (items) => void Object.assign(data, JSON.parse(JSON.stringify(items))),
    remove: async (keys) => void (Array.isArray(keys) ? keys : [keys]).forEach((k) => delete data[k]),
  };
}

function setup() {
  let now = 1_764_800_000_000;
  let mark: MarkPrice | Error = { price: 100_000, time: now, source: 'binance:premiumIndex' };
  let allowed = true;
  const shown: { id: string; title: string; message: string }[] = [];
  const local = memoryArea();
  const deps: AlertDeps = {
    local,
    data: {
      mark: (async () => {
        if (mark instanceof Error) throw mark;
        return { value: mark, fetchedAt: now, ageMs: 0, fresh: true, refresh: null };
      }) as unknown as AlertDeps['data']['mark'],
      heatmap: (async () => {
        throw new Error('not used');
      }) as unknown as AlertDeps['data']['heatmap'],
    },
    settings: { get: async () => DEFAULT_SETTINGS },
    realizedWithin: async () => ({ usd: 0, collecting: true }),
    clock: { now: () => now, sleep: async () => undefined },
    notify: async (id, text) => {
      if (!allowed) return false;
      shown.push({ id, ...text });
      return true;
    },
  };
  const rule: AlertRule = {
    ...newRule('r1', { venue: 'binance', symbol: 'BTC/USDT:USDT' }, 'liquidation'),
    enabled: true,
    condition: { kind: 'liquidation', side: 'long', liquidationPrice: 97_000, withinPct: 2 },
  };
  return {
    alerts: createAlerts(deps),
    local,
    rule,
    shown,
    setMark: (price: number | Error, ageMs = 0) => (mark = price instanceof Error ? price : { price, time: now - ageMs, source: 'binance:premiumIndex' }),
    tick: (ms = 60_000) => (now += ms),
    allow: (v: boolean) => (allowed = v),
  };
}

describe('alert checker (background)', () => {
  it('notifies once with the figures, in English by default, and opens the market on a click', async () => {
    const t = setup();
    await t.alerts.save([t.rule]);
    expect(t.shown).toEqual([]); // 3.0% away: clear
    t.setMark(98_500);
    t.tick();
    await t.alerts.check();
    t.tick();
    await t.alerts.check();
    expect(t.shown).toHaveLength(1);
    expect(t.shown[0]).toMatchObject({
      title: 'LiqLens: BTC/USDT:USDT on Binance',
      message: 'Mark $98,500.0 is 1.5% above your liquidation price $97,000.0 (long).',
    });
    expect(await t.alerts.ruleForNotification(t.shown[0]!.id)).toEqual(t.rule);
    expect(await t.alerts.ruleForNotification('someone-else:r1')).toBeNull();
  });

  it('a failed fetch or stale mark never fires and is kept with the time of the last real check', async () => {
    const t = setup();
    await t.alerts.save([t.rule]);
    const checkedAt = (t.local.data.alertState as Record<string, { lastCheckedAt: number }>).r1!.lastCheckedAt;
    t.setMark(new SourceError('rate-limited', 'binance:premiumIndex', 'binance:premiumIndex: fapi.binance.com is rate-limiting us; retrying in 60 s.'));
    t.tick();
    const view = await t.alerts.check();
    expect(view.states.r1).toMatchObject({
      lastCheckedAt: checkedAt,
      problem: { reason: 'Binance mark price: binance:premiumIndex: fapi.binance.com is rate-limiting us; retrying in 60 s.' },
    });
    t.tick();
    t.setMark(98_000, 3 * 60_000);
    expect((await t.alerts.check()).states.r1!.problem?.reason).toBe('Binance mark price: price is 3 min old');
    expect(t.shown).toEqual([]);
  });

  it('without the notifications permission it stays armed and says so, then fires once allowed', async () => {
    const t = setup();
    t.allow(false);
    t.setMark(98_000);
    const view = await t.alerts.save([t.rule]);
    expect(view.states.r1).toMatchObject({ armed: true, lastFiredAt: null, problem: { reason: NOT_ALLOWED } });
    t.allow(true);
    t.tick();
    await t.alerts.check();
    expect(t.shown).toHaveLength(1);
  });

  it('keeps valid rules and drops a tampered one from storage', async () => {
    const t = setup();
    t.local.data.alerts = [t.rule, { ...t.rule, id: 'bad', condition: { kind: 'liquidation', withinPct: -1 } }];
    expect((await t.alerts.view()).rules.map((r) => r.id)).toEqual(['r1']);
  });

  it('a rule switched off and on again re-arms but keeps its cooldown', async () => {
    const t = setup();
    t.setMark(98_000);
    await t.alerts.save([t.rule]);
    expect(t.shown).toHaveLength(1);
    await t.alerts.save([{ ...t.rule, enabled: false }]);
    t.tick(5 * 60_000);
    const again = await t.alerts.save([t.rule]);
    expect(again.states.r1!.armed).toBe(true);
    expect(t.shown).toHaveLength(1);
    t.tick(30 * 60_000);
    t.setMark(98_000);
    await t.alerts.check();
    expect(t.shown).toHaveLength(2);
  });
});
