/**
 * A loopback HTTP proxy that answers a test browser's web traffic from fixtures, for browsers
 * whose extension background cannot be intercepted from the driver (Firefox: WebDriver BiDi's
 * network interception sees tabs, not the extension's background page). The browser is pointed
 * at it with its proxy prefs, so it resolves no names itself and every request arrives here:
 *
 * - `CONNECT host:port` to an exchange host (fixture sites, the build's host permissions, the
 *   stream hosts): the tunnel is accepted and TLS ends here with the replay-only test certificate
 *   (the browser runs with acceptInsecureCerts). Stream hosts are piped to the stream replay
 *   server (ws-replay-server.ts); every other request is answered by fixture-answer.ts, the same
 *   table Chromium's routing uses.
 * - anything else (the browser's own update, telemetry or settings traffic): refused with 403,
 *   listed in `refused`, never forwarded. Nothing leaves the machine.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { answerRequest, type Fault, type LoggedRequest } from './fixture-answer.ts';
import { REPLAY_DIR } from './replay.ts';

export interface LoopbackProxy {
  port: number;
  requests: LoggedRequest[];
  /** `CONNECT host:port` or `METHOD url` the proxy refused (not an exchange host). */
  refused: string[];
  setFault: (url: RegExp, fault: Fault | null) => void;
  close: () => Promise<void>;
}

export interface ProxyOptions {
  clock: () => number;
  /** Hosts answered from fixtures; every other host is refused. */
  exchangeHosts: Set<string>;
  /** Hosts whose tunnels go to the stream replay server, and its port. */
  streamHosts: string[];
  streamPort: number;
  logMissing?: boolean;
}

export async function startLoopbackProxy(options: ProxyOptions): Promise<LoopbackProxy> {
  const requests: LoggedRequest[] = [];
  const refused: string[] = [];
  const faults = new Map<string, { url: RegExp; fault: Fault }>();
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, scheme: 'http' | 'https') => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = req.url ?? '/';
      const url = new URL(/^https?:\/\//.test(raw) ? raw : `${scheme}://${req.headers.host ?? 'unknown'}${raw}`);
      if (!options.exchangeHosts.has(url.hostname)) {
        refused.push(`${req.method} ${url.href}`);
        res.writeHead(403).end();
        return;
      }
      const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : null;
      const dest = req.headers['sec-fetch-dest'];
      const result = answerRequest(
        { method: req.method ?? 'GET', url, body, isDocument: dest === 'document' || dest === 'iframe' },
        options.clock,
        faults.values(),
      );
      // Firefox does not say which requests its extension background made: only Chromium's log knows.
      requests.push({
        method: req.method ?? 'GET',
        url: url.href,
        status: result.status,
        served: result.served,
        fixture: result.fixture,
        fromServiceWorker: false,
      });
      if (result.served === 'missing' && options.logMissing) console.warn(`[replay] no fixture: ${req.method} ${url.href}`);
      if (result.served === 'local') {
        res.writeHead(502).end();
        return;
      }
      res.writeHead(result.status, { 'content-type': result.contentType, 'cache-control': 'no-store', ...result.headers }).end(result.body);
    });
  };

  const tls = path.join(REPLAY_DIR, 'tls');
  const tlsServer = https.createServer(
    { key: fs.readFileSync(path.join(tls, 'replay-only.key.pem')), cert: fs.readFileSync(path.join(tls, 'replay-only.cert.pem')) },
    (req, res) => handle(req, res, 'https'),
  );
  tlsServer.on('tlsClientError', (_error, socket) => socket.destroy());
  const proxy = http.createServer((req, res) => handle(req, res, 'http'));
  proxy.on('connection', track);
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '');
    if (!options.exchangeHosts.has(host) && !options.streamHosts.includes(host)) {
      refused.push(`CONNECT ${target}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    if (options.streamHosts.includes(host)) {
      const upstream = net.connect(options.streamPort, '127.0.0.1');
      track(upstream);
      upstream.pipe(socket).pipe(upstream);
      return;
    }
    tlsServer.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    requests,
    refused,
    setFault: (url, fault) => {
      if (fault) faults.set(url.source, { url, fault });
      else faults.delete(url.source);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        tlsServer.close();
        proxy.close(() => resolve());
      }),
  };
}
