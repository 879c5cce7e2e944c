import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createDbHandle } from '@/core/cache/db';
import { SourceError } from '@/core/net/errors';
import { createStatusRecorder } from '@/core/service/status';
import { FakeClock } from '../net/fakes';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('source status recorder', () => {
  it('keeps an error when a success of the same source lands while it is being written (two pages of one history)', async () => {
    const clock = new FakeClock(1_000);
    const status = createStatusRecorder(createDbHandle(), clock);
    const error = new SourceError('html-page', 'x:history', 'x:history: answered with a web page');
    await Promise.all([status.failed('x:history', error), status.ok('x:history'), status.ok('other')]);
    const rows = await status.all();
    expect(rows.find((r) => r.source === 'x:history')).toEqual({ source: 'x:history', lastSuccess: 1_000, lastError: { at: 1_000, message: error.message } });
    // And in the other order: the later error is kept beside the earlier success.
    clock.time = 2_000;
    await Promise.all([status.ok('y'), status.failed('y', error)]);
    expect((await status.all()).find((r) => r.source === 'y')).toEqual({ source: 'y', lastSuccess: 2_000, lastError: { at: 2_000, message: error.message } });
  });
});
