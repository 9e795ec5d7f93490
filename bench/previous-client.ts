import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { CartClient, CartClientOptions } from '../src/index.js';

/*
 * The client as it was before the reliability fixes of issue 12 (commit b3b2e28), bundled from git into a
 * temporary module, so that the cost of the fixes is measured in the same run as the client with them: the
 * issue's budget is at most 5% of throughput, on the same transport (the platform fetch).
 */
export const PREVIOUS_COMMIT = 'b3b2e28';

export async function loadPreviousClient(): Promise<(options: CartClientOptions) => CartClient> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-previous-'));
  try {
    const archive = execFileSync('git', [
      'archive',
      PREVIOUS_COMMIT,
      'src',
      'generated/schema.ts',
      'generated/validators.js',
      'generated/validators.d.ts',
    ]);
    execFileSync('tar', ['-x', '-C', directory], { input: archive });
    const outfile = join(directory, 'previous.mjs');
    await build({
      entryPoints: [join(directory, 'src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'error',
      nodePaths: [resolve('node_modules')],
    });
    const module = (await import(pathToFileURL(outfile).href)) as { createCartClient: (options: CartClientOptions) => CartClient };
    return module.createCartClient;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
