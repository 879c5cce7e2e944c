/**
 * The background's alert checker: on the one-minute alarm it reads the rules and their state from
 * storage.local, fetches what each enabled rule needs (a fresh public mark price, the model's bands,
 * the realized store), steps each rule's state machine (core/alerts/) and notifies. Nothing lives
 * only in memory, so a killed worker or a restarted browser carries on from the stored state.
 */
import type { Market } from '../types';
import { parseUnifiedSymbol } from '../types';
import { safeParse } from '../messages/schema';
import type { Clock } from '../net/clock';
import type { LocalStorageArea } from '../vendors/keys';
import type { Settings } from '../settings/settings';
import { basicsOf } from '../venues/registry';
import { alertRulesSchema, type AlertRule } from '../alerts/rules';
import { evaluate, needs, type AlertInputs, type RealizedInput } from '../alerts/conditions';
import { alertMessage } from '../alerts/message';
import '../i18n/pages';
import { createTranslator, resolveLanguage } from '../i18n/i18n';
import { resolveNumberStyle } from '../format/display';
import { alertStateSchema, INITIAL_STATE, rearmed, step, type AlertState } from '../alerts/machine';
import type { Data } from './data';
import { NOT_ALLOWED } from '../alerts/machine';
import type { AlertsView } from '../messages/protocol';

export const ALERT_ALARM = 'liqlens-alerts';
export const ALERT_PERIOD_MINUTES = 1;
const RULES_KEY = 'alerts';
const STATE_KEY = 'alertState';
/** Notification ids carry the rule id so a click knows which market to open. */
export const NOTIFICATION_PREFIX = 'liqlens-alert:';

export interface AlertDeps {
  local: LocalStorageArea;
  data: Pick<Data, 'mark' | 'heatmap'>;
  settings: { get(): Promise<Settings> };
  realizedWithin: (asset: string, minutes: number, now: number) => Promise<RealizedInput>;
  clock: Clock;
  /** Shows one notification; false when it could not (the permission is not granted). */
  notify: (id: string, text: { title: string; message: string }) => Promise<boolean>;
  /** The browser's language, for notifications when the language setting is "auto". */
  uiLanguage?: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 240);

export function createAlerts(deps: AlertDeps) {
  async function readRules(): Promise<AlertRule[]> {
    const raw = (await deps.local.get(RULES_KEY))[RULES_KEY];
    if (raw === undefined) return [];
    const parsed = safeParse(alertRulesSchema, raw);
    if (parsed.ok) return parsed.value;
    // Keep every rule that is still valid on its own rather than dropping them all.
    return Array.isArray(raw) ? raw.flatMap((r) => (safeParse(alertRulesSchema, [r]).ok ? [r as AlertRule] : [])) : [];
  }

  async function readStates(): Promise<Record<string, AlertState>> {
    const raw = (await deps.local.get(STATE_KEY))[STATE_KEY];
    const out: Record<string, AlertState> = {};
    if (typeof raw !== 'object' || raw === null) return out;
    for (const [id, value] of Object.entries(raw)) {
      const s = safeParse(alertStateSchema, value);
      if (s.ok && id !== '__proto__') out[id] = s.value;
    }
    return out;
  }

  /** One check at a time: the alarm, a save and "check now" never step the same state twice. */
  let running: Promise<AlertsView> = Promise.resolve({ rules: [], states: {} });
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = running.then(job, job);
    running = next.then(
      () => ({ rules: [], states: {} }),
      () => ({ rules: [], states: {} }),
    );
    return next;
  };

  async function markOf(market: Market): Promise<AlertInputs['mark']> {
    const label = `${basicsOf(market.venue).label} mark price`;
    try {
      // Always a fresh fetch: a cached mark is not evidence of where the price is now.
      const r = await deps.data.mark(market, true);
      const value = r.refresh ? await r.refresh : r.value;
      return { price: value.price, time: value.time, source: label };
    } catch (error) {
      return { error: `${label}: ${errorText(error)}` };
    }
  }

  async function bandsOf(market: Market, price: number, settings: Settings): Promise<AlertInputs['bands']> {
    try {
      const r = await deps.data.heatmap(market, settings, price);
      if (r.refresh) r.refresh.catch(() => undefined);
      return r.value ? r.value.bands : { error: `no liquidation model for ${market.symbol}` };
    } catch (error) {
      return { error: `model: ${errorText(error)}` };
    }
  }

  async function checkNow(): Promise<AlertsView> {
    const [rules, states, settings] = await Promise.all([readRules(), readStates(), deps.settings.get()]);
    const now = deps.clock.now();
    const uiLanguage = deps.uiLanguage ?? 'en';
    const t = createTranslator(resolveLanguage(settings.language, uiLanguage));
    const style = resolveNumberStyle(settings.numberFormat, uiLanguage);
    const marks = new Map<string, Promise<AlertInputs['mark']>>();
    const next: Record<string, AlertState> = {};
    for (const rule of rules) {
      const state = states[rule.id] ?? INITIAL_STATE;
      if (!rule.enabled) {
        next[rule.id] = state;
        continue;
      }
      const need = needs(rule);
      const key = `${rule.market.venue}:${rule.market.symbol}`;
      if (need.mark && !marks.has(key)) marks.set(key, markOf(rule.market));
      const mark = need.mark ? await marks.get(key)! : { error: 'not needed' };
      const inputs: AlertInputs = { now: deps.clock.now(), mark };
      if (need.bands) inputs.bands = 'price' in mark ? await bandsOf(rule.market, mark.price, settings) : { error: mark.error };
      if (need.realized && rule.condition.kind === 'cascade') {
        const asset = parseUnifiedSymbol(rule.market.symbol)?.base ?? rule.market.symbol;
        inputs.realized = await deps
          .realizedWithin(asset, rule.condition.minutes, now)
          .catch((e: unknown) => ({ error: `realized liquidations: ${errorText(e)}` }));
      }
      const stepped = step(state, evaluate(rule.condition, inputs), now, rule.cooldownMinutes);
      next[rule.id] = stepped.state;
      if (stepped.fire) {
        const shown = await deps.notify(`${NOTIFICATION_PREFIX}${rule.id}:${now}`, alertMessage(t, rule, stepped.fire, style)).catch(() => false);
        // Not shown: stays armed and says why, so it fires once notifications are allowed again.
        if (!shown) next[rule.id] = { ...stepped.state, armed: true, lastFiredAt: state.lastFiredAt, problem: { at: now, reason: NOT_ALLOWED } };
      }
    }
    await deps.local.set({ [STATE_KEY]: next });
    return { rules, states: next };
  }

  return {
    /** The alarm's job. */
    check: () => serial(checkNow),
    view: async (): Promise<AlertsView> => {
      await running.catch(() => undefined);
      const [rules, states] = await Promise.all([readRules(), readStates()]);
      return { rules, states };
    },
    /**
     * Saves the rules from the options page. A rule switched on (or edited) re-arms, keeping its
     * cooldown; then one check runs at once so the page shows where each stands.
     */
    save: (rules: AlertRule[]) =>
      serial(async () => {
        const [before, states] = await Promise.all([readRules(), readStates()]);
        const old = new Map(before.map((r) => [r.id, r]));
        const next: Record<string, AlertState> = {};
        for (const rule of rules) {
          const prev = old.get(rule.id);
          const changed = !prev || JSON.stringify(prev) !== JSON.stringify(rule);
          next[rule.id] = changed && rule.enabled ? rearmed(states[rule.id]) : (states[rule.id] ?? INITIAL_STATE);
        }
        await deps.local.set({ [RULES_KEY]: rules, [STATE_KEY]: next });
        return checkNow();
      }),
    /** The rule behind a clicked notification id, if it still exists. */
    async ruleForNotification(notificationId: string): Promise<AlertRule | null> {
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return null;
      const id = notificationId.slice(NOTIFICATION_PREFIX.length).split(':')[0];
      return (await readRules()).find((r) => r.id === id) ?? null;
    },
  };
}

export type Alerts = ReturnType<typeof createAlerts>;
