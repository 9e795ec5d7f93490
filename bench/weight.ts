import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleRow {
  entry: string;
  minifiedBytes: number;
  gzippedBytes: number;
}

export interface DependencyWeight {
  packages: { name: string; version: string; bytes: number }[];
  totalBytes: number;
}

/* What a consumer's bundler makes of each entry: esbuild, ESM, browser platform, minified, then gzip -9. */
interface Entry {
  entry: string;
  contents: string;
  /** Modules (import paths, `*` wildcards) left out of the bundle, to weigh what they add. */
  leaveOut?: string[];
}

const CLIENT_ONLY = "export { createCartClient } from './src/index.ts';";

/** The parts of the client that issues 13 and 14 made optional in principle, each with the modules that hold it. */
const CLIENT_PARTS: Record<string, string[]> = {
  'the generated validators (request and response)': ['*/validators.js'],
  'openapi-fetch': ['openapi-fetch'],
  'drift reporting (its code and the response validators, which only it uses)': ['*/validate-responses.js'],
  'the error-code catalogue': ['*/error-catalogue.js'],
  'hooks, logger and per-call observation': ['*/observe-policies.js', '*/hooks.js', '*/logger.js'],
  throttling: ['*/throttle-policy.js'],
  'tracing glue': ['*/tracing.js'],
};

const OPTIONAL_PARTS = [
  'drift reporting (its code and the response validators, which only it uses)',
  'the error-code catalogue',
  'hooks, logger and per-call observation',
  'throttling',
  'tracing glue',
];

const ENTRIES: Entry[] = [
  // First: the client entry the issues budget, what a browser app that calls the client bundles.
  { entry: 'createCartClient only (from the package root)', contents: CLIENT_ONLY },
  {
    entry: 'the whole package root (src/index.ts: the client, errors, checks, catalogue)',
    contents: "export * from './src/index.ts';",
  },
  { entry: 'openapi-fetch (createClient only)', contents: "export { default as createClient } from 'openapi-fetch';" },
  { entry: 'axios', contents: "export { default as axios } from 'axios';" },
  // Where the client entry's bytes go: the same bundle with one part left out at a time.
  ...Object.entries(CLIENT_PARTS).map(([part, leaveOut]) => ({
    entry: `createCartClient without ${part}`,
    contents: CLIENT_ONLY,
    leaveOut,
  })),
  {
    entry: 'createCartClient without every optional part (drift code, catalogue, observation, throttling, tracing)',
    contents: CLIENT_ONLY,
    leaveOut: OPTIONAL_PARTS.flatMap((part) => CLIENT_PARTS[part] ?? []),
  },
  {
    entry: 'the request validators alone (what the client checks before sending)',
    contents:
      "export { validateCartUpdate, validateCustomerId, validateCartId, validateRequestId, validateCorrelationId, validateLocale } from './generated/validators.js';",
  },
];

async function bundleSize({ contents, leaveOut = [] }: Entry): Promise<{ minifiedBytes: number; gzippedBytes: number }> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: leaveOut,
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minifiedBytes: code.length, gzippedBytes: gzipSync(code, { level: 9 }).length };
}

export async function measureBundles(): Promise<BundleRow[]> {
  const rows: BundleRow[] = [];
  for (const entry of ENTRIES) rows.push({ entry: entry.entry, ...(await bundleSize(entry)) });
  return rows;
}

async function directoryBytes(directory: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    // A package's own nested node_modules are counted as the dependencies they are, not as its files.
    if (entry.isDirectory() && entry.name !== 'node_modules') total += await directoryBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

async function manifestOf(directory: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(directory, 'package.json'), 'utf8')) as Manifest;
}

/** Finds `name` the way Node does: in node_modules of `from` and of each directory above it. */
async function resolvePackage(name: string, from: string): Promise<string> {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', name);
    if (
      await stat(join(candidate, 'package.json')).then(
        () => true,
        () => false,
      )
    )
      return candidate;
    if (dirname(directory) === directory) throw new Error(`${name} (a production dependency) is not installed; run npm ci first`);
  }
}

/** On-disk size of the production dependencies (package.json `dependencies`, transitively) as installed. */
export async function measureDependencies(root = process.cwd()): Promise<DependencyWeight> {
  const seen = new Map<string, { name: string; version: string; bytes: number }>();
  const visit = async (name: string, from: string): Promise<void> => {
    const directory = await resolvePackage(name, from);
    if (seen.has(directory)) return;
    const manifest = await manifestOf(directory);
    seen.set(directory, { name: manifest.name, version: manifest.version, bytes: await directoryBytes(directory) });
    for (const dependency of Object.keys(manifest.dependencies ?? {})) await visit(dependency, directory);
  };
  for (const dependency of Object.keys((await manifestOf(root)).dependencies ?? {})) await visit(dependency, root);
  const packages = [...seen.values()];
  return { packages, totalBytes: packages.reduce((sum, item) => sum + item.bytes, 0) };
}
