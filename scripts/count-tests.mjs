// Adds up what vitest and Playwright reported (their JSON reports) into one closing line for `npm test`.
import { existsSync, readFileSync } from 'node:fs';

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
/** Test files that failed without a failing test: they did not load, so they ran nothing. */
const brokenFiles = (report) =>
  (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + brokenFiles(vitest);
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
const pw = read('test-results/playwright.json');
if (pw) {
  passed += pw.stats.expected;
  failed += pw.stats.unexpected + (pw.stats.flaky ?? 0);
  skipped += pw.stats.skipped;
}
console.log(`  vitest: ${vitest ? `${vitest.numPassedTests}/${vitest.numTotalTests} passed${brokenFiles(vitest) ? `, ${brokenFiles(vitest)} file(s) failed to run` : ''}` : 'no report'}; playwright: ${pw ? `${pw.stats.expected} passed, ${pw.stats.skipped} skipped` : 'no report'}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
