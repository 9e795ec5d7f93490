import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandProbe, describeWithTools, fileProbe, requireTool } from '../support/system-requirements.js';
import type { RoundTrip, RoundTripServers } from '../support/sdk-round-trip.js';
import { runRoundTrip, roundTripArgs, roundTripTests, startRoundTripServers, stopRoundTripServers } from '../support/sdk-round-trip.js';

/*
 * The Go SDK as a Go team without network would take it: Debian's Go and its packaged golang.org/x/oauth2, GOPATH
 * mode (GO111MODULE=off, GOPROXY=off), the SDK copied under its module path, and test/sdks/go/cart_roundtrip.go
 * built against it. `go vet` type-checks both, so an SDK that does not compile fails here.
 */

const sdkDir = resolve('generated/sdks/go');
const modulePath = 'github.com/partner-center-cart/partner-center-cart-contract/generated/sdks/go';
const debianGoPath = '/usr/share/gocode';
const run = promisify(execFile);
/** A first compile on a cold cache and a busy 2-core machine takes far longer than the 60 s default. */
const compileTimeoutMs = 300_000;

const go = requireTool({
  name: 'Go with the Debian-packaged golang.org/x/oauth2',
  probes: [commandProbe('go', ['version']), fileProbe(join(debianGoPath, 'src/golang.org/x/oauth2/oauth2.go'))],
  install: 'apt-get install -y golang-go golang-golang-x-oauth2-dev',
});

describeWithTools([go], 'go SDK (generated/sdks/go)', () => {
  let goPath = '';
  let env: NodeJS.ProcessEnv = {};
  let program = '';
  let servers: RoundTripServers = {};

  const goCommand = (args: readonly string[], cwd: string) =>
    run('go', args, { cwd, env, timeout: 300_000 }).catch((error: Error & { stderr?: string; stdout?: string }) => {
      throw new Error(`go ${args.join(' ')} failed:\n${error.stderr ?? ''}${error.stdout ?? ''}`);
    });

  beforeAll(async () => {
    if (!existsSync(join(sdkDir, 'client.go'))) throw new Error(`${sdkDir} is missing: run \`npm run generate:sdks\` first.`);
    goPath = mkdtempSync(join(tmpdir(), 'sdk-go-'));
    const packageDir = join(goPath, 'src', modulePath);
    mkdirSync(packageDir, { recursive: true });
    for (const file of readdirSync(sdkDir).filter((name) => name.endsWith('.go'))) {
      copyFileSync(join(sdkDir, file), join(packageDir, file));
    }
    mkdirSync(join(goPath, 'src/cartroundtrip'));
    copyFileSync(resolve('test/sdks/go/cart_roundtrip.go'), join(goPath, 'src/cartroundtrip/main.go'));
    // Go's build cache is keyed by content, so a changed SDK is always recompiled; keeping it under node_modules/.cache
    // spares the ~40 s of compiling the standard library again on every run, and leaves nothing outside the project.
    env = {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: `${goPath}:${debianGoPath}`,
      GOCACHE: resolve('node_modules/.cache/go-build'),
      GOPROXY: 'off',
      GOFLAGS: '',
      CGO_ENABLED: '0',
    };
    program = join(goPath, 'cart-roundtrip');
    servers = await startRoundTripServers();
  });

  afterAll(async () => {
    await stopRoundTripServers(servers);
    if (goPath) rmSync(goPath, { recursive: true, force: true });
  });

  it(
    'compiles and is go vet clean (SDK and the round-trip program)',
    async () => {
      await goCommand(['vet', modulePath, 'cartroundtrip'], join(goPath, 'src/cartroundtrip'));
      await goCommand(['build', '-o', program, 'cartroundtrip'], join(goPath, 'src/cartroundtrip'));
      expect(existsSync(program)).toBe(true);
    },
    compileTimeoutMs,
  );

  const roundTrip: RoundTrip = (target, seed, extra) => runRoundTrip(program, roundTripArgs(target, seed, extra));

  roundTripTests(() => servers, roundTrip);
});
