import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { CartClient, CartClientOptions } from '../src/index.js';

/*
 * The two clients whose comparison is the issue 12 budget (the fixes cost at most 5% of throughput, on the same
 * transport): the client before the reliability fixes (commit b3b2e28) and the client of this tree, each bundled
 * by esbuild with the same options, so that neither is measured through a different loader. Run through tsx, our
 * sources pay for its per-module transform (keepNames wraps every named closure in a defineProperty call, each
 * time it is made); the package's users run tsc's output, which has none of that. The bundles are written under
 * node_modules/.cache, so that they resolve the packages of this tree (undici, the optional @opentelemetry/api)
 * the way the client does when installed.
 */
export const PREVIOUS_COMMIT = 'b3b2e28';

type CreateCartClient = (options: CartClientOptions) => CartClient;

/** Bundles `entry` (a client entry point) into `directory` and imports its `createCartClient`. */
async function bundleClient(entry: string, directory: string, name: string, external: string[]): Promise<CreateCartClient> {
  const outfile = join(directory, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
    nodePaths: [resolve('node_modules')],
    external,
  });
  const module = (await import(pathToFileURL(outfile).href)) as { createCartClient: CreateCartClient };
  return module.createCartClient;
}

/** Both clients, bundled alike: `before` from commit b3b2e28 (src/index.ts), `after` from this tree's Node entry. */
export async function loadClientsAroundFixes(): Promise<{ before: CreateCartClient; after: CreateCartClient }> {
  const cache = resolve('node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const directory = await mkdtemp(join(cache, 'bench-clients-'));
  try {
    const archive = execFileSync('git', [
      'archive',
      PREVIOUS_COMMIT,
      'src',
      'generated/schema.ts',
      'generated/validators.js',
      'generated/validators.d.ts',
    ]);
    const previousTree = join(directory, 'previous');
    await mkdir(previousTree);
    execFileSync('tar', ['-x', '-C', previousTree], { input: archive });
    const before = await bundleClient(join(previousTree, 'src/index.ts'), directory, 'before', []);
    // undici stays a package import: bundled into ESM, its CommonJS require() of Node's modules would not load.
    const after = await bundleClient(resolve('src/node.ts'), directory, 'after', ['undici']);
    return { before, after };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
