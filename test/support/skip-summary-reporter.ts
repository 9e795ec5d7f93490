import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with the list of skipped tests and their reasons (a suite skipped for a missing toolchain carries
 * the reason and the install command in its test's name, see system-requirements.ts), so a run that skipped
 * something never reads as a plain green.
 */
export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests('skipped')].map((test) => `${module.moduleId.replace(`${process.cwd()}/`, '')}: ${test.fullName}`),
    );
    if (skipped.length === 0) return;
    console.log(`\n${skipped.length} test(s) skipped, not passed:\n${skipped.map((line) => `  - ${line}`).join('\n')}\n`);
  }
}
