// @vitest-environment happy-dom
/** The popup's "alert me near my position's liquidation price" and the options row that says where the price came from. */
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { PopupLiquidation } from '@/components/popup/PopupLiquidation';
import { AlertRow } from '@/components/options/AlertRow';
import type { RequestFn } from '@/core/messages/client';
import type { OrderReport } from '@/core/overlay/popup-order';
import type { AlertRule } from '@/core/alerts/rules';
import { ruleFromPage, newRule } from '@/core/alerts/rules';
import { computeLiquidation } from '@/core/liquidation/engine';
import { NOW, snapshot } from '../overlay/fixtures';
import { flush, mount } from './render';
import { BTC, oneTierTable } from '../overlay/order-fixtures';
import '@/core/i18n/pages';

const table = oneTierTable();

function fakeBackground(existing: AlertRule[] = []) {
  const saved: AlertRule[][] = [];
  const request = (async (command: string, payload: { rules?: AlertRule[] }) => {
    if (command === 'tiers.get') return table;
    if (command === 'instrument.get') return { market: BTC, contractSize: 1, tickSize: 0.1, source: 'test', asOf: 1 };
    if (command === 'alerts.get') return { rules: existing, states: {} };
    if (command === 'alerts.set') {
      saved.push(payload.rules!);
      return { rules: payload.rules, states: {} };
    }
    throw new Error('n/a');
  }) as unknown as RequestFn;
  return { request, saved };
}

// The page shows a short of 0.5 BTC at 80,000 and a form at 20x isolated, with nothing typed.
const REPORT: OrderReport = {
  market: BTC,
  fields: { side: 'undecided', leverage: 20, marginMode: 'isolated', position: { side: 'short', size: 0.5, sizeUnitLabel: 'BTC', entryPrice: 80_000 } },
  // A forged overlay figure: never taken.
  overlay: { kind: 'computed', figures: [{ side: 'short', price: 1 }] },
};
const SHORT = (80_000 * (1 + 1 / 20)) / (1 + 0.004);

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function popup(report: OrderReport | null, request: RequestFn, requestNotifications?: () => Promise<boolean>) {
  const m = await mount(
    <PopupLiquidation
      market={BTC}
      getTabOrder={async () => report}
      request={request}
      compute={computeLiquidation}
      snapshot={snapshot()}
      bands={[]}
      now={NOW}
      {...(requestNotifications ? { requestNotifications } : {})}
    />,
  );
  cleanup = m.unmount;
  await flush();
  await flush();
  return m;
}

describe('popup: an alert on the open position’s liquidation price', () => {
  it('prices the position here and, on a click, asks for notifications first and saves the rule with its page source', async () => {
    const bg = fakeBackground([newRule('old', BTC, 'band')]);
    let asked = 0;
    const m = await popup(REPORT, bg.request, async () => {
      asked++;
      return true;
    });
    expect(m.text('popup-pos-liq')).toBe(
      `Your open position (short, from the page): liquidation ≈ $${SHORT.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
    );
    await act(() => m.q<HTMLButtonElement>('popup-pos-alert')!.click());
    for (let i = 0; i < 4; i++) await flush();
    expect(asked).toBe(1);
    expect(bg.saved).toHaveLength(1);
    const rules = bg.saved[0]!;
    expect(rules[0]!.id).toBe('old');
    const added = rules[1]!;
    expect(added.enabled).toBe(true);
    expect(added.market).toEqual(BTC);
    expect(added.condition).toEqual({
      kind: 'liquidation',
      withinPct: 2,
      side: 'short',
      liquidationPrice: Math.round(SHORT * 10) / 10,
      source: { from: 'page', at: NOW },
    });
    expect(m.text('popup-pos-note')).toMatch(/^Alert added: mark within 2% of \$[\d,.]+ \(short\), from the page at \d\d:\d\d\. Edit it in Options\.$/);
  });

  it('without notifications the alert is added off, and says so', async () => {
    const bg = fakeBackground();
    const m = await popup(REPORT, bg.request, async () => false);
    await act(() => m.q<HTMLButtonElement>('popup-pos-alert')!.click());
    for (let i = 0; i < 4; i++) await flush();
    expect(bg.saved[0]![0]!.enabled).toBe(false);
    expect(m.text('popup-pos-note')).toContain('the alert is off');
  });

  it('names what it could not read, and shows nothing when the page has no position', async () => {
    const bg = fakeBackground();
    const m = await popup({ ...REPORT, fields: { ...REPORT.fields, leverage: undefined } }, bg.request);
    expect(m.text('popup-pos-missing')).toMatch(/cannot be computed here: .*leverage/i);
    expect(m.q('popup-pos-alert')).toBeNull();
    await cleanup!();
    cleanup = null;
    const none = await popup({ ...REPORT, fields: { ...REPORT.fields, position: null } }, bg.request);
    expect(none.q('popup-pos')).toBeNull();
    expect(none.q('popup-pos-missing')).toBeNull();
  });
});

describe('options: a liquidation alert says where its price came from', () => {
  async function row(rule: AlertRule, language: 'en' | 'zh_CN' = 'en') {
    const changes: AlertRule[] = [];
    const m = await mount(
      <ul>
        <AlertRow
          rule={rule}
          state={undefined}
          onChange={(r) => changes.push(r)}
          onSwitch={() => undefined}
          onRemove={() => undefined}
          onInvalid={() => undefined}
        />
      </ul>,
      language,
    );
    cleanup = m.unmount;
    return { ...m, changes };
  }

  it('"from the page" with its time; typing a price makes it the trader’s own', async () => {
    const m = await row(ruleFromPage('p1', BTC, 'short', 83_665.3, Date.UTC(2026, 11, 4, 10, 42), false));
    expect(m.text('alert-liq-source')).toMatch(/^From the page, \d{1,2} \w+ \d\d:\d\d: computed from the position the trading tab showed$/);
    const input = m.q<HTMLInputElement>('alert-liq')!;
    input.value = '83000';
    await act(() => void input.dispatchEvent(new Event('change')));
    expect(m.changes[0]!.condition).toEqual({ kind: 'liquidation', withinPct: 2, side: 'short', liquidationPrice: 83_000 });
  });

  it('"entered by hand" without a source, in Chinese too', async () => {
    const m = await row(newRule('h1', BTC, 'liquidation', 80_000), 'zh_CN');
    expect(m.text('alert-liq-source')).toBe('手动输入');
  });
});
