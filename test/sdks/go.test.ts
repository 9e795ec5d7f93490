import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { type RunningPrism, startPrism } from '../../src/mock/prism.js';
import { commandProbe, describeWithTools, fileProbe, requireTool } from '../support/system-requirements.js';
import {
  expectRoundTripAgainstFake,
  expectRoundTripAgainstMock,
  expectWireUpdate,
  type RecordingProxy,
  runRoundTrip,
  seededCart,
  startRecordingProxy,
} from '../support/sdk-round-trip.js';

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
  let fake: FakeCartService | undefined;
  let prism: RunningPrism | undefined;
  let proxy: RecordingProxy | undefined;

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
    [fake, prism] = await Promise.all([startFakeCartService(), startPrism({ specPath: resolve('generated/openapi.json') })]);
    proxy = await startRecordingProxy(fake.url);
  });

  afterAll(async () => {
    await Promise.all([proxy?.stop(), fake?.stop(), prism?.stop()]);
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

  it('GETs a cart from the stateful fake, PUTs back only what it changed, and reads a typed 404', async () => {
    if (!fake || !proxy) throw new Error('the fake did not start');
    const seed = seededCart();
    fake.seedCart(seed);
    const report = await runRoundTrip(program, [
      '-base-url',
      proxy.url,
      '-customer',
      seed.customerId,
      '-cart',
      seed.id,
      '-missing-cart',
      seed.missingCartId,
    ]);
    expectRoundTripAgainstFake(report, seed, fake);
    expect(proxy.putBodies).toHaveLength(1);
    expectWireUpdate(proxy.putBodies[0], seed);
  });

  it('does the same against the Prism mock, which also checks the PUT body against the contract', async () => {
    if (!prism) throw new Error('Prism did not start');
    const seed = seededCart();
    const report = await runRoundTrip(program, [
      '-base-url',
      prism.url,
      '-customer',
      seed.customerId,
      '-cart',
      seed.id,
      '-missing-cart',
      seed.missingCartId,
      '-prefer-404',
    ]);
    expectRoundTripAgainstMock(report);
  });
});
