import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { gunzip, liquidationStream, MAX_INFLATED_BYTES } from '@/core/venues/htx/streams';

// Issue #16, finding 4: HTX frames are gzip; a small frame must not inflate without bound.
describe('HTX frame inflation cap', () => {
  it('inflates a normal frame', async () => {
    const text = JSON.stringify({ op: 'ping', ts: 1 });
    expect(await liquidationStream.decode!(gzipSync(text))).toBe(text);
  });

  it('refuses a frame that inflates past the cap (2 MB from a few KB)', async () => {
    const frame = gzipSync(' '.repeat(2 * MAX_INFLATED_BYTES));
    expect(frame.byteLength).toBeLessThan(10_000);
    expect(await gunzip(frame)).toBeNull();
  });

  it('stops a gzip bomb early instead of inflating it first', async () => {
    const frame = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const started = performance.now();
    expect(await gunzip(frame)).toBeNull();
    // Inflating 64 MB takes seconds on these machines; stopping at 1 MB takes milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('gives null for bytes that are not gzip, and for a frame over 1 MB compressed', async () => {
    expect(await gunzip(new TextEncoder().encode('not gzip'))).toBeNull();
    expect(await gunzip(new Uint8Array(1_000_001))).toBeNull();
  });
});
