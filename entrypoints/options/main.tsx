import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/overlay/overlay.css';
import '@/components/shared/page.css';
import { createClient } from '@/core/messages/client';
import type { Envelope } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import '@/core/i18n/pages';
import { createTranslator } from '@/core/i18n/i18n';
import { applyToDocument, pageLook } from '@/components/shared/page-setup';
import { Options } from '@/components/options/Options';

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function start() {
  const request = createClient((message: Envelope) => browser.runtime.sendMessage(message));
  const initial = await request('settings.get', {}).catch(() => DEFAULT_SETTINGS);
  const uiLanguage = browser.i18n.getUILanguage();
  const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
  const applyLook = (s: typeof initial) => {
    const look = pageLook(s, uiLanguage, prefersDark);
    applyToDocument(document, look, createTranslator(look.language)('optionsTitle'));
  };
  applyLook(initial);
  render(
    <Options
      request={request}
      initial={initial}
      uiLanguage={uiLanguage}
      prefersDark={prefersDark}
      requestHostPermission={(origin) => browser.permissions.request({ origins: [origin] })}
      requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
      download={download}
      onLookChange={applyLook}
    />,
    document.getElementById('app')!,
  );
}

void start();
