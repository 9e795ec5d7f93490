/*
 * The package as published: `npm pack` (its prepack step compiles dist/), the tarball linted by publint and
 * attw, then installed into a fresh consumer project outside this repository (so nothing resolves from our own
 * node_modules by accident), type-checked under both module resolutions, and run against the mock started through
 * the package's own bin.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, PRISM_INSTALL_HINT } from '../../src/mock/prism.js';
import { isProcessAlive, waitUntilGone } from '../support/processes.js';
import { CART_ID, consumerFiles } from '../support/consumer-files.js';

const PACKAGE = 'partner-center-cart-contract';
const BIN = 'partner-center-cart-mock';
const FAKE_BIN = 'partner-center-cart-fake';
const VERIFY_BIN = 'partner-center-cart-verify';
const projectRoot = resolve('.');
const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');
const publint = join(projectRoot, 'node_modules/publint/src/cli.js');
const attw = join(projectRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js');
/** The optional OpenTelemetry peer and the SDK a consumer would add, linked from our own install. */
const OTEL_PACKAGES = [
  '@opentelemetry/api',
  '@opentelemetry/sdk-trace-base',
  '@opentelemetry/sdk-trace',
  '@opentelemetry/core',
  '@opentelemetry/resources',
  '@opentelemetry/semantic-conventions',
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never throws on a non-zero exit, so the test can show the output. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = childEnv()): Promise<Finished> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

/** The environment of a child: no loaders the test runner may carry, no telemetry, no npm_* state of an outer `npm test`. */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { SCARF_ANALYTICS: 'false', NO_COLOR: '1', ...extra };
  for (const [name, value] of Object.entries(process.env)) {
    if (name !== 'NODE_OPTIONS' && !name.startsWith('npm_') && !(name in env)) env[name] = value;
  }
  return env;
}

function linkFromProject(consumerDir: string, name: string): void {
  const target = join(consumerDir, 'node_modules', name);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules', name), target, 'dir');
}

/** Live processes whose command line mentions `dir` (the bin and the Prism it started both do). */
function processesMentioning(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false; // it ended while we looked
      }
    })
    .map(Number)
    .filter(isProcessAlive);
}

/** Starts the installed bin and resolves with its URL once it says it is listening. */
async function startBin(binPath: string, cwd: string, port: number): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(binPath, ['--port', String(port)], { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /is listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        done(match[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`${BIN} exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

describe('the package from its tarball', () => {
  let workDir: string;
  let consumerDir: string;
  let tarball: string;
  let packedFiles: string[];
  let withoutPrism: Finished;
  let typeChecks: Record<string, Finished>;
  let bin: ChildProcess | undefined;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'pc-cart-package-'));
    const packed = await run(npm, ['pack', '--json', '--pack-destination', workDir], projectRoot);
    expect(packed.code, `npm pack failed:\n${packed.stderr}`).toBe(0);
    // prepack prints to stdout too; the JSON report is the last thing npm writes.
    const report = JSON.parse(packed.stdout.slice(packed.stdout.lastIndexOf('\n[') + 1)) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const [pack] = report;
    if (!pack) throw new Error(`npm pack reported nothing:\n${packed.stdout}`);
    tarball = join(workDir, pack.filename);
    packedFiles = pack.files.map((file) => file.path).sort();

    consumerDir = join(workDir, 'consumer');
    mkdirSync(consumerDir);
    writeFileSync(join(consumerDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    for (const [name, content] of Object.entries(consumerFiles)) writeFileSync(join(consumerDir, name), content);
    const installed = await run(
      npm,
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', tarball],
      consumerDir,
    );
    expect(installed.code, `npm install of the tarball failed:\n${installed.stderr}`).toBe(0);

    // Prism is an optional peer: the bin must explain how to get it before it is there...
    withoutPrism = await run(join(consumerDir, 'node_modules/.bin', BIN), ['--port', String(await findFreePort())], consumerDir);
    // ...and the rest of the checks need it, plus @types/node for the type check (both from our own install).
    linkFromProject(consumerDir, '@stoplight/prism-cli');
    linkFromProject(consumerDir, '@types/node');
    // Both type checks at once (the node16 one also emits out/consumer.js, which the mock test runs).
    const [bundler, node16] = await Promise.all(
      ['bundler', 'node16'].map((resolution) => run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], consumerDir)),
    );
    typeChecks = { bundler: bundler as Finished, node16: node16 as Finished };
  }, 180_000);

  afterAll(async () => {
    if (bin?.pid !== undefined && isProcessAlive(bin.pid)) bin.kill('SIGKILL');
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('packs only what consumers need', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('README.md');
    expect(packedFiles).toContain('CHANGELOG.md');
    expect(packedFiles).toContain('LICENSE');
    expect(packedFiles).toContain('generated/openapi.json');
    const topLevel = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'generated/openapi.json'];
    const unexpected = packedFiles.filter((path) => !path.startsWith('dist/') && !topLevel.includes(path));
    expect(unexpected).toEqual([]);
    expect(packedFiles.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
  });

  it('has every file its exports map and bin point at', () => {
    const installedRoot = join(consumerDir, 'node_modules', PACKAGE);
    const manifest = JSON.parse(readFileSync(join(installedRoot, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      bin: Record<string, string>;
      main: string;
      types: string;
    };
    const targets = [
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
      ...Object.values(manifest.bin),
      manifest.main,
      manifest.types,
    ];
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((target) => !existsSync(join(installedRoot, target)))).toEqual([]);
    expect(Object.keys(manifest.bin).sort()).toEqual([FAKE_BIN, BIN, VERIFY_BIN]);
    for (const name of [BIN, FAKE_BIN, VERIFY_BIN]) {
      expect(readFileSync(join(installedRoot, manifest.bin[name] ?? 'missing'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    }
  });

  it('is clean for publint, suggestions included', async () => {
    const result = await run(process.execPath, [publint, 'run', tarball, '--level', 'suggestion', '--strict'], workDir);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('All good!');
  });

  it('is clean for are-the-types-wrong under the esm-only profile', async () => {
    // ESM-only by design ("type": "module", Node >= 20): the profile leaves out node10 and require() from CommonJS
    // and checks every rule for node16 ESM and bundler resolution of every entry point.
    const result = await run(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'json'], workDir);
    // The JSON report lists problems of every resolution mode; the profile decides which of them count.
    const report = JSON.parse(result.stdout) as {
      analysis: { entrypoints: Record<string, unknown> };
      problems?: Record<string, Array<{ resolutionKind?: string }>>;
    };
    const counted = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs');
    expect(counted, result.stdout).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([
      '.',
      './fake',
      './mock',
      './openapi.json',
      './package.json',
      './record',
      './types',
    ]);
    expect(result.code).toBe(0);
  });

  it('imports every subpath of its exports map', async () => {
    const result = await run(process.execPath, ['import-every-export.mjs'], consumerDir);
    expect(result.code, result.stderr).toBe(0);
    const { exported, version } = JSON.parse(result.stdout) as { exported: Record<string, string[]>; version: string };
    expect(Object.keys(exported).sort()).toEqual(['.', './fake', './mock', './openapi.json', './package.json', './record', './types']);
    expect(exported['.']).toEqual(
      expect.arrayContaining([
        'createCartClient',
        'PartnerCenterApiError',
        'CartValidationError',
        'CartClientError',
        'isCartClientError',
        'findCartUpdateViolations',
      ]),
    );
    expect(exported['./fake']).toEqual(expect.arrayContaining(['startFakeCartService', 'BROKEN_VARIANTS']));
    expect(exported['./mock']).toEqual(expect.arrayContaining(['startPrism', 'resolvePrismCli', 'PRISM_INSTALL_HINT']));
    expect(exported['./record']).toEqual(expect.arrayContaining(['recordHar']));
    expect(exported['./openapi.json']).toEqual(expect.arrayContaining(['openapi', 'info', 'paths', 'components']));
    expect(exported['./types']).toEqual([]); // types only: nothing at run time, and importing it must still work
    expect(version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('works without @opentelemetry/api, and records spans through the global provider once it is installed', async () => {
    const without = await run(process.execPath, ['otel-consumer.mjs'], consumerDir);
    expect(without.code, without.stderr).toBe(0);
    expect(JSON.parse(without.stdout)).toEqual({ cartId: CART_ID, leaked: false });
    for (const name of OTEL_PACKAGES) linkFromProject(consumerDir, name);
    const traced = await run(process.execPath, ['otel-consumer.mjs'], consumerDir);
    expect(traced.code, traced.stderr).toBe(0);
    const { spans, leaked } = JSON.parse(traced.stdout) as { spans: Array<{ name: string }>; leaked: boolean };
    expect(spans.map((span) => span.name)).toEqual([
      'GET /v1/customers/{customer-id}/carts/{cart-id}',
      'GET /v1/customers/{customer-id}/carts/{cart-id}',
    ]);
    expect(leaked).toBe(false);
  });

  it.each(['bundler', 'node16'])('type-checks a consumer with moduleResolution %s', (resolution) => {
    const result = typeChecks[resolution];
    expect(result?.code, result ? result.stdout + result.stderr : 'not run').toBe(0);
  });

  it('verifies a HAR with npx partner-center-cart-verify: exit 0 when it conforms, 1 with the JSON path when not', async () => {
    const url =
      'https://api.partnercenter.microsoft.com/v1/customers/d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d/carts/b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
    const ids = [{ name: 'MS-RequestId', value: '4fa6dad6-a89f-4875-8247-8294a10ae1cf' }];
    const har = (quantity: unknown) => ({
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          {
            request: { method: 'GET', url, headers: [{ name: 'Authorization', value: 'Bearer tarball-secret-token' }, ...ids] },
            response: {
              status: 200,
              headers: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }, ...ids],
              content: {
                mimeType: 'application/json',
                text: JSON.stringify({
                  id: CART_ID,
                  lineItems: [{ id: 0, catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity, billingCycle: 'monthly' }],
                }),
              },
            },
          },
        ],
      },
    });
    writeFileSync(join(consumerDir, 'good.har'), JSON.stringify(har(1)));
    writeFileSync(join(consumerDir, 'bad.har'), JSON.stringify(har('1')));
    const good = await run(npx, ['--offline', VERIFY_BIN, 'good.har'], consumerDir);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toContain('good.har (HAR 1.2, 1 entry): conforms');
    const bad = await run(npx, ['--offline', VERIFY_BIN, '--format', 'json', 'bad.har'], consumerDir);
    expect(bad.code, bad.stderr).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      files: [{ findings: [{ location: 'entry 0: response body lineItems[0].quantity', rule: 'type' }] }],
    });
    expect(good.stdout + good.stderr + bad.stdout + bad.stderr).not.toContain('tarball-secret-token');
  });

  it('tells how to install Prism when the bin runs without it, with no stack trace', () => {
    expect(withoutPrism.code).toBe(1);
    expect(withoutPrism.stderr).toContain(PRISM_INSTALL_HINT);
    expect(withoutPrism.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs the compiled consumer against the mock started through the package bin, and stops it with nothing left', async () => {
    expect(existsSync(join(consumerDir, 'out/consumer.js')), 'the node16 type check emits the consumer').toBe(true);
    const started = await startBin(join(consumerDir, 'node_modules/.bin', BIN), consumerDir, await findFreePort());
    bin = started.child;
    expect(started.output()).toContain(join(consumerDir, 'node_modules', PACKAGE, 'generated/openapi.json'));
    expect(processesMentioning(consumerDir).length).toBeGreaterThanOrEqual(2); // the bin and its Prism

    const result = await run(process.execPath, ['out/consumer.js', started.url], consumerDir);
    expect(result.code, result.stderr).toBe(0);
    const { cart, notFound } = JSON.parse(result.stdout) as {
      cart: { id: string; lineItems: Array<{ quantity: number }> };
      notFound: unknown;
    };
    expect(cart.id).toBe(CART_ID);
    expect(cart.lineItems.length).toBeGreaterThan(0);
    expect(typeof cart.lineItems[0]?.quantity).toBe('number');
    expect(notFound).toEqual({ status: 404, code: expect.anything() });

    const exited = once(started.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    started.child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    const leftovers = processesMentioning(consumerDir);
    await Promise.all(leftovers.map((pid) => waitUntilGone(pid, 5_000)));
    expect(processesMentioning(consumerDir)).toEqual([]);
  });

  it('runs the fake through its own bin: the seeded cart answers over HTTP, and SIGTERM stops it', async () => {
    const started = await startBin(join(consumerDir, 'node_modules/.bin', FAKE_BIN), consumerDir, await findFreePort());
    bin = started.child;
    const cartUrl = /curl -s -H 'Authorization: Bearer any-token' (http:\/\/\S+)/.exec(started.output())?.[1];
    expect(cartUrl, started.output()).toBeDefined();
    const answer = await fetch(cartUrl ?? '', { headers: { Authorization: 'Bearer any-token' } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { lineItems: unknown[] }).lineItems.length).toBeGreaterThan(0);
    const exited = once(started.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    started.child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
