import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../settings/settings';
import { safeParse } from '../messages/schema';
import type { LocalStorageArea } from '../vendors/keys';

const KEY = 'settings';

/**
 * Settings in storage.local. A stored value that fails the schema (older version, tampering)
 * is replaced by defaults field by field rather than trusted.
 */
export function createSettingsStore(local: LocalStorageArea) {
  async function get(): Promise<Settings> {
    const raw = (await local.get(KEY))[KEY];
    if (raw === undefined) return DEFAULT_SETTINGS;
    const whole = safeParse(settingsSchema, raw);
    if (whole.ok) return whole.value;
    // Keep every field that is still valid on its own.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    if (typeof raw === 'object' && raw !== null) {
      for (const [k, v] of Object.entries(raw)) {
        const trial = safeParse(settingsSchema, { ...merged, [k]: v });
        if (trial.ok) merged[k] = v;
      }
    }
    return safeParse(settingsSchema, merged).ok ? (merged as Settings) : DEFAULT_SETTINGS;
  }
  async function set(settings: Settings): Promise<Settings> {
    await local.set({ [KEY]: settings });
    return settings;
  }
  return { get, set };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
