/**
 * How every web request of a test browser is answered, whatever intercepts it: Playwright's
 * routing in Chromium (extension-browser.ts) or the loopback proxy Firefox is pointed at
 * (loopback-proxy.ts). Fixture trading pages for the exchanges' site URLs, recorded API responses
 * for the hosts the background calls, an injected fault where a test asked for one, and a 404
 * naming the request for anything without a recording.
 */
import { SITE_HOSTS, sitePage } from './fixture-sites.ts';
import { missingFixture, replay } from './replay.ts';

/** A response injected in place of the recorded one (HTTP faults for the tests). */
export interface Fault {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface LoggedRequest {
  method: string;
  url: string;
  status: number;
  /** page = fixture page, replay = recorded API response, missing = no fixture (404), local = passed through. */
  served: 'page' | 'replay' | 'missing' | 'local' | 'fault';
  fixture: string;
  /** From the extension's background (Chromium: its service worker), as far as the browser tells. */
  fromServiceWorker: boolean;
  /** WebSocket handshakes only: the Cookie header the browser sent, when it sent one. */
  cookie?: string;
}

export interface AnswerInput {
  method: string;
  url: URL;
  body: string | null;
  /** A top-level or frame document (Chromium's resource type, Firefox's Sec-Fetch-Dest). */
  isDocument: boolean;
}

export interface Answer {
  served: LoggedRequest['served'];
  status: number;
  contentType: string;
  body: string;
  headers: Record<string, string>;
  fixture: string;
}

/** The answer for one request; `served: 'local'` means: let it through (loopback only). */
export function answerRequest(request: AnswerInput, clock: () => number, faults: Iterable<{ url: RegExp; fault: Fault }> = []): Answer {
  const { url } = request;
  const injected = [...faults].find((f) => f.url.test(url.href));
  if (injected) {
    const { fault } = injected;
    return {
      served: 'fault',
      status: fault.status,
      contentType: fault.contentType ?? 'application/json',
      body: fault.body,
      headers: fault.headers ?? {},
      fixture: '(injected)',
    };
  }
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
    return { served: 'local', status: 0, contentType: '', body: '', headers: {}, fixture: '' };
  }
  if (request.isDocument || SITE_HOSTS.has(url.hostname)) {
    const page = sitePage(url.href, clock());
    if (page) return { served: 'page', status: page.status, contentType: page.contentType, body: page.body, headers: {}, fixture: page.source };
  }
  const replayRequest = { method: request.method, url, body: request.body };
  const recorded = replay(replayRequest, clock);
  const response = recorded ?? missingFixture(replayRequest);
  return {
    served: recorded ? 'replay' : 'missing',
    status: response.status,
    contentType: response.contentType,
    body: response.body,
    headers: { 'access-control-allow-origin': '*' },
    fixture: response.fixture,
  };
}
