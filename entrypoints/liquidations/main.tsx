/**
 * The extension's own page for network-wide realized liquidations (the popup links to it). An
 * extension page, not the content script: nothing here loads on a trading page.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/overlay/overlay.css';
import '@/components/shared/page.css';
import { createClient } from '@/core/messages/client';
import type { Envelope } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import '@/core/i18n/pages';
import { createTranslator } from '@/core/i18n/i18n';
import { LocaleProvider } from '@/components/shared/i18n';
import { applyToDocument, pageLook } from '@/components/shared/page-setup';
import { Liquidations } from '@/components/liquidations/Liquidations';

async function start() {
  const request = createClient((message: Envelope) => browser.runtime.sendMessage(message));
  const settings = await request('settings.get', {}).catch(() => DEFAULT_SETTINGS);
  const look = pageLook(settings, browser.i18n.getUILanguage(), matchMedia('(prefers-color-scheme: dark)').matches);
  applyToDocument(document, look, createTranslator(look.language)('liqTitle'));
  render(
    <LocaleProvider language={look.language} style={look.style}>
      <Liquidations request={request} theme={look.theme} />
    </LocaleProvider>,
    document.getElementById('app')!,
  );
}

void start();
