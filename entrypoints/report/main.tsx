/**
 * The page report (README "Save a page report"): opened by the background next to a trading tab
 * when the trader clicks "Save a page report" in the overlay. It asks that tab's content script
 * for its page copy (core/overlay/report-capture.ts), parses it (DOMParser: inert, nothing in it
 * runs or loads), runs the page reader on it to locate the fields as on the page
 * (core/page/report-fields.ts), redacts it (core/page/report.ts), shows what was kept and
 * removed, and saves the file through a Blob and `<a download>` when the trader clicks. Nothing
 * is sent.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/overlay/overlay.css';
import '@/components/shared/page.css';
import '@/core/i18n/pages';
import { createTranslator, resolveLanguage, type Translate } from '@/core/i18n/i18n';
import { parseTabReply, REPORT_CAPTURE } from '@/core/overlay/tab-messages';
import { pageReport, reportFileName } from '@/core/page/report';
import { reportFields } from '@/core/page/report-fields';
import { pageAdapterFor } from '@/core/page/adapters';
import { PALETTES, paletteVars } from '@/components/theme/colors';

const THEME = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

function save(file: string, html: string) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Report(props: { t: Translate; report: { file: string; html: string; header: string } | null | undefined }) {
  const { t, report } = props;
  const [saved, setSaved] = useState(false);
  return (
    <div
      class="ll-root ll-page ll-options"
      style={paletteVars(PALETTES[THEME])}
      data-theme={THEME}
      data-testid="report-root"
      data-state={report === undefined ? 'loading' : report ? 'ready' : 'error'}
    >
      <h1 class="ll-title">{t('reportTitle')}</h1>
      <p>{t('reportIntro')}</p>
      {report === undefined && <p class="ll-muted">{t('reportWaiting')}</p>}
      {report === null && (
        <p class="ll-error-text" data-testid="report-error">
          {t('reportNoPage')}
        </p>
      )}
      {report && (
        <>
          <p>
            <button type="button" data-testid="report-save" onClick={() => (save(report.file, report.html), setSaved(true))}>
              {t('reportSaveFile', { file: report.file })}
            </button>
          </p>
          {saved && (
            <p role="status" data-testid="report-saved">
              {t('reportSavedFile', { file: report.file })}
            </p>
          )}
          <pre class="ll-small" style="white-space:pre-wrap" data-testid="report-header">
            {report.header}
          </pre>
        </>
      )}
    </div>
  );
}

async function start() {
  const language = resolveLanguage('auto', browser.i18n.getUILanguage());
  const t = createTranslator(language);
  document.documentElement.lang = language === 'zh_CN' ? 'zh-CN' : 'en';
  document.title = t('reportTitle');
  document.body.style.background = PALETTES[THEME].bg;
  const app = document.getElementById('app')!;
  render(<Report t={t} report={undefined} />, app);
  const tab = Number(new URLSearchParams(location.search).get('tab'));
  const reply: unknown = Number.isInteger(tab) && tab >= 0 ? await browser.tabs.sendMessage(tab, REPORT_CAPTURE).catch(() => null) : null;
  const capture = parseTabReply('report.capture', reply);
  if (!capture) {
    render(<Report t={t} report={null} />, app);
    return;
  }
  const date = new Date();
  const doc = new DOMParser().parseFromString(capture.html, 'text/html');
  const { venue } = capture.market;
  const fields = reportFields(doc, pageAdapterFor(venue), capture.market, capture.url);
  const { html } = pageReport(doc, fields, { version: browser.runtime.getManifest().version, venue, url: capture.url, date });
  const header = /<!--\n([\s\S]*?)\n-->/.exec(html)?.[1] ?? '';
  render(<Report t={t} report={{ file: reportFileName(venue, date), html, header: header.replace(/^ {2}/gm, '') }} />, app);
}

void start();
