import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Outside run (issue 12): no hostile server and no caller mistake may crash the caller's process. Each scenario
 * runs in a child process (outside-crash-child.ts), so a crash fails only its own test. The first run found two:
 * a 204/205/304 on the Node entry (an unread body destroyed with no 'error' listener) and a signal that is not one.
 */

const CHILD = fileURLToPath(new URL('./outside-crash-child.ts', import.meta.url));

function runChild(scenario: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CHILD, scenario], { timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('the Node entry never crashes the process', () => {
  it.each(['status-204', 'status-205', 'status-304'])(
    'an answer of %s (no body allowed) settles and leaves the process alive',
    async (scenario) => {
      const { code, stdout, stderr } = await runChild(scenario);
      expect(stderr).not.toMatch(/Unhandled 'error' event/);
      expect(stdout).toMatch(/^settled \w+\nalive\n$/);
      expect(code).toBe(0);
    },
  );

  it('a signal that is not an AbortSignal rejects the call and leaves the process alive', async () => {
    const { code, stdout } = await runChild('signal-not-a-signal');
    expect(stdout).toMatch(/^settled validation\nalive\n$/);
    expect(code).toBe(0);
  });

  it('a 503 answer (the control: a status with a body path) settles and leaves the process alive', async () => {
    const { code, stdout } = await runChild('status-503');
    expect(stdout).toBe('settled api\nalive\n');
    expect(code).toBe(0);
  });
});
