/**
 * A local TLS WebSocket server for replayed liquidation streams.
 *
 * Why not Playwright's routeWebSocket: it does not see WebSockets opened by an extension service
 * worker (tested with playwright-core 1.65 + Chromium 156: the socket just fails DNS). So the
 * harness maps the stream hosts to this server with --host-resolver-rules and lets Chromium
 * accept its test-only certificate (--ignore-certificate-errors, test browser only).
 * Minimal RFC 6455: handshake, text frames out, masked text/ping/close frames in.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { REPLAY_DIR } from './replay.ts';
import { streamReplay } from './stream-replay.ts';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** Hosts whose streams the server answers (the certificate names them). */
export const STREAM_HOSTS = ['fstream.binance.com', 'stream.bybit.com', 'ws.okx.com'];

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, len])
      : len < 65536
        ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 255])
        : Buffer.concat([
            Buffer.from([0x80 | opcode, 127]),
            (() => {
              const b = Buffer.alloc(8);
              b.writeBigUInt64BE(BigInt(len));
              return b;
            })(),
          ]);
  return Buffer.concat([head, payload]);
}

/** Splits complete client frames off the buffer; returns them and the unconsumed rest. */
function readFrames(buffer: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = 0;
  while (buffer.length - at >= 2) {
    const opcode = buffer[at]! & 0x0f;
    const masked = (buffer[at + 1]! & 0x80) !== 0;
    let len = buffer[at + 1]! & 0x7f;
    let offset = at + 2;
    if (len === 126) {
      if (buffer.length < offset + 2) break;
      len = buffer.readUInt16BE(offset);
      offset += 2;
    } else if (len === 127) {
      if (buffer.length < offset + 8) break;
      len = Number(buffer.readBigUInt64BE(offset));
      offset += 8;
    }
    const maskLen = masked ? 4 : 0;
    if (buffer.length < offset + maskLen + len) break;
    const mask = buffer.subarray(offset, offset + maskLen);
    const payload = Buffer.from(buffer.subarray(offset + maskLen, offset + maskLen + len));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    frames.push({ opcode, payload });
    at = offset + maskLen + len;
  }
  return { frames, rest: buffer.subarray(at) };
}

export interface StreamServer {
  port: number;
  /** Chromium --host-resolver-rules entries sending the stream hosts here. */
  resolverRules: string[];
  /**
   * `cookie`: the Cookie header the browser put on the handshake, if any. `received`: when each
   * client text or ping frame (subscribe, keepalive) arrived; `closedAt`: when the socket closed.
   */
  connections: { url: string; replayed: boolean; cookie: string | null; openedAt: number; received: number[]; closedAt: number | null }[];
  close: () => Promise<void>;
}

export async function startStreamServer(
  clock: () => number = Date.now,
  onConnection: (url: string, replayed: boolean, fixture: string, cookie: string | null) => void = () => undefined,
): Promise<StreamServer> {
  const tls = path.join(REPLAY_DIR, 'tls');
  const server = https.createServer(
    { key: fs.readFileSync(path.join(tls, 'replay-only.key.pem')), cert: fs.readFileSync(path.join(tls, 'replay-only.cert.pem')) },
    (_req, res) => {
      res.writeHead(426).end();
    },
  );
  const sockets = new Set<Duplex>();
  const connections: StreamServer['connections'] = [];
  const played = new Set<string>();
  server.on('upgrade', (req, socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const url = `wss://${req.headers.host ?? ''}${req.url ?? '/'}`;
    const key = req.headers['sec-websocket-key'];
    const stream = streamReplay(url, clock());
    const cookie = req.headers.cookie ?? null;
    const connection = { url, replayed: stream !== null, cookie, openedAt: Date.now(), received: [] as number[], closedAt: null as number | null };
    connections.push(connection);
    socket.on('close', () => (connection.closedAt = Date.now()));
    onConnection(url, stream !== null, stream?.fixture ?? '(none)', cookie);
    if (!stream || typeof key !== 'string') {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const accept = crypto
      .createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    // A live feed sends only what happens after you connect: the recording plays once per
    // browser session, and a reconnect (e.g. after a worker restart) hears silence.
    if (!played.has(stream.fixture)) {
      played.add(stream.fixture);
      for (const message of stream.messages) socket.write(frame(0x1, Buffer.from(message)));
    }
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const f of frames) {
        if (f.opcode === 0x1 || f.opcode === 0x9) connection.received.push(Date.now());
        if (f.opcode === 0x8) {
          socket.end(frame(0x8, f.payload.subarray(0, 2)));
        } else if (f.opcode === 0x9) {
          socket.write(frame(0xa, f.payload));
        } else if (f.opcode === 0x1) {
          const answer = stream.reply(f.payload.toString('utf8'));
          if (answer) socket.write(frame(0x1, Buffer.from(answer)));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    resolverRules: STREAM_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`),
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
