// A Web Test Runner reporter that writes how many tests passed and failed, so the
// test command can print one summed line across vitest and the browser runner.
import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function countReporter(outputFile) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that failed to load has no results but errors: count it as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.erroredFiles += 1;
      }
      if (outputFile) writeFileSync(outputFile, JSON.stringify(totals));
    },
  };
}
