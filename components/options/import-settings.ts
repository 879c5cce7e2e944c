/**
 * Settings import: the file is hostile input until the schema says otherwise. Either every
 * field is valid and the whole file is taken, or nothing changes and the message says why. The
 * overlay's own places (where it was dragged, the order form's box) stay this browser's: the
 * background keeps them on every save (keepOverlayMemory in core/settings/settings.ts), as they
 * belong to this machine's windows.
 */
import { safeParse } from '@/core/messages/schema';
import { settingsSchema, type Settings } from '@/core/settings/settings';

export type ImportResult = { ok: true; settings: Settings } | { ok: false; reason: 'not-json' } | { ok: false; reason: 'invalid'; message: string };

/** Largest file accepted: settings are a few kilobytes; anything bigger is not ours. */
export const MAX_IMPORT_BYTES = 64 * 1024;

export function parseSettingsImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'invalid', message: `file larger than ${MAX_IMPORT_BYTES / 1024} KB` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = safeParse(settingsSchema, json);
  if (!parsed.ok) return { ok: false, reason: 'invalid', message: parsed.error.message };
  return { ok: true, settings: parsed.value };
}

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
