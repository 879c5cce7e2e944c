import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, "N passed, N failed[, N skipped]", after vitest's summary:
 * CI reads that line, and a file that fails to import counts as a failure, not as nothing.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      const tests = [...mod.children.allTests()];
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A module that failed outside its tests (import error, failing beforeAll: its tests then
      // report "skipped") counts as one failure, so the closing line never hides it.
      if (mod.state() === 'failed' && !tests.some((t) => t.result().state === 'failed')) failed++;
    }
    failed += unhandledErrors.length;
    const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    const out = process.env.LIQLENS_SUMMARY_FILE;
    setImmediate(() => {
      console.log(line);
      if (out) import('node:fs').then((fs) => fs.writeFileSync(out, `${passed} ${failed} ${skipped}\n`));
    });
  }
}
