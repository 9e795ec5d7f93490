import { defineConfig } from 'vitest/config';

/*
 * Two projects: `unit` needs only Node and runs in seconds (`npm run test:unit`); `integration` starts real
 * processes and system toolchains (Prism, Java's openapi-generator, Chromium, Python, the packed tarball, git).
 * `npm test` runs both. A suite that needs a system toolchain says so through test/support/system-requirements.ts.
 */
const INTEGRATION = [
  'test/acceptance/mock.test.ts',
  'test/contract/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/generated/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/sdks/**/*.test.ts',
  'test/lint/bad-source.test.ts',
  'test/diff/cli.test.ts',
  'test/review/lint-formats.test.ts',
  'test/review/diff-formats.test.ts',
  'test/fake/fake-memory-pressure.test.ts',
  'test/verify/output-formats.test.ts',
  'test/verify/record-and-verify.test.ts',
  'test/verify/pact.test.ts',
  'test/reliability/outside2-cli.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }], './test/support/skip-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: INTEGRATION,
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
    ],
  },
});
