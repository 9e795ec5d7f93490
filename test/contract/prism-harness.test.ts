import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startPrism } from '../../src/mock/prism.js';
import { isProcessAlive, waitUntilGone } from '../support/processes.js';

const specPath = resolve('generated/openapi.json');
const cartPath = '/v1/customers/0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/carts/b4c8fdea-cbe4-4d17-9576-13fcacbf9605';

describe('Prism harness', () => {
  it('starts a mock of the bundled spec on loopback that answers from the spec, and stops with no process left', async () => {
    const prism = await startPrism({ specPath });
    try {
      expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(isProcessAlive(prism.pid)).toBe(true);
      const response = await fetch(`${prism.url}${cartPath}`, { headers: { Authorization: 'Bearer any' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ lineItems: expect.any(Array) });
      expect(prism.logs()).toContain('Prism is listening');
    } finally {
      await prism.stop();
    }
    expect(isProcessAlive(prism.pid)).toBe(false);
    await prism.stop();
    await expect(fetch(`${prism.url}/`)).rejects.toThrow();
  });

  it("fails with Prism's own error output when the spec cannot be read", async () => {
    await expect(startPrism({ specPath: resolve('does-not-exist.json') })).rejects.toThrow(/exited early[\s\S]*does-not-exist\.json/);
  });

  it('refuses option combinations Prism would not run', async () => {
    await expect(startPrism({ specPath, mode: 'proxy' })).rejects.toThrow(/needs an upstream URL/);
    await expect(startPrism({ specPath, upstream: 'http://127.0.0.1:1' })).rejects.toThrow(/only applies to mode "proxy"/);
    await expect(startPrism({ specPath, mode: 'proxy', upstream: 'http://127.0.0.1:1', dynamic: true })).rejects.toThrow(
      /only applies to mode "mock"/,
    );
  });
});

describe('Prism watchdog', () => {
  it('takes Prism down when the process that started it is killed without any teardown', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', resolve('test/support/prism-parent.ts'), specPath], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
      const { pid, url } = JSON.parse(line) as { pid: number; url: string };
      expect(isProcessAlive(pid)).toBe(true);
      expect((await fetch(`${url}${cartPath}`, { headers: { Authorization: 'Bearer any' } })).status).toBe(200);
      parent.kill('SIGKILL');
      await once(parent, 'exit');
      expect(await waitUntilGone(pid, 10_000)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
