import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commandProbe, fileProbe, missingToolMessage, requireTool } from '../support/system-requirements.js';

const run = promisify(execFile);
const fixtureConfig = resolve('test/sdks/fixtures/system-requirements/vitest.config.ts');
const vitest = resolve('node_modules/vitest/vitest.mjs');

/** Runs the fixture suites (one with a missing toolchain, one with Node) in a child vitest with the given CI value. */
async function runFixture(ci: string | undefined): Promise<{ exitCode: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: ci };
  if (ci === undefined) delete env.CI;
  try {
    const { stdout, stderr } = await run(process.execPath, [vitest, 'run', '--config', fixtureConfig], { env, timeout: 120_000 });
    return { exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('system requirements (test/support/system-requirements.ts)', () => {
  it('names the first failing probe and the install command', () => {
    const missing = requireTool({
      name: 'Go',
      probes: [commandProbe(process.execPath, ['--version']), fileProbe('/no/such/oauth2.go'), commandProbe('no-such-go')],
      install: 'apt-get install -y golang-go',
    });
    expect(missing).toEqual({
      name: 'Go',
      install: 'apt-get install -y golang-go',
      available: false,
      missing: '/no/such/oauth2.go does not exist',
    });
    expect(missingToolMessage(missing)).toBe(
      'Go is missing (/no/such/oauth2.go does not exist). Install it with: apt-get install -y golang-go',
    );
    expect(requireTool({ name: 'x', probes: [commandProbe('no-such-command-xyz')], install: 'i' }).missing).toMatch(/could not run/);
    expect(requireTool({ name: 'x', probes: [commandProbe(process.execPath, ['-e', 'process.exit(3)'])], install: 'i' }).missing).toMatch(
      /exited with 3/,
    );
  });

  it('under CI=true a missing toolchain fails its suite with the install command', async () => {
    const { exitCode, output } = await runFixture('true');
    expect(exitCode).toBe(1);
    expect(output).toContain('The frobnicator is missing');
    expect(output).toContain('Install it with: apt-get install -y frobnicator');
    expect(output).toMatch(/1 failed.*1 passed|1 passed.*1 failed/);
  });

  it('elsewhere it skips the suite with the reason in the skipped test and on the console, and runs the others', async () => {
    const { exitCode, output } = await runFixture(undefined);
    expect(exitCode).toBe(0);
    expect(output).toContain('[skipped] suite that needs the frobnicator: The frobnicator is missing');
    expect(output).toContain('skipped: The frobnicator is missing');
    expect(output).toMatch(/1 passed.*1 skipped/);
  });
});
