import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandProbe, describeWithTools, fileProbe, requireTool } from '../support/system-requirements.js';
import type { RoundTrip, RoundTripServers } from '../support/sdk-round-trip.js';
import { runRoundTrip, roundTripArgs, roundTripTests, startRoundTripServers, stopRoundTripServers } from '../support/sdk-round-trip.js';

/*
 * What of the csharp-netcore SDK this machine can prove: its models (Model/*.cs and the date converter they use)
 * compile with Debian's Mono C# compiler against Debian's Newtonsoft.Json 6.0.8, with no shim, and
 * test/sdks/csharp/CartRoundTrip.cs round-trips a cart with them over System.Net.Http. The SDK's CartsApi and the
 * rest of Client/ need RestSharp and Polly, which neither Debian nor npm ships: they are not compiled here.
 */

const sdkDir = resolve('generated/sdks/csharp-netcore/src/PartnerCenter.Cart');
const newtonsoftJson = '/usr/lib/mono/gac/Newtonsoft.Json/6.0.0.0__b9a188c8922137c6/Newtonsoft.Json.dll';
const monoAssemblies = ['System.Runtime.Serialization', 'System.ComponentModel.DataAnnotations', 'System.Net.Http'].map(
  (name) => `/usr/lib/mono/4.5/${name}.dll`,
);
const run = promisify(execFile);
/** A first compile on a cold cache and a busy 2-core machine takes far longer than the 60 s default. */
const compileTimeoutMs = 300_000;

const mono = requireTool({
  name: "Mono's C# compiler and runtime with Newtonsoft.Json, Runtime.Serialization, DataAnnotations and System.Net.Http",
  probes: [
    commandProbe('mcs', ['--version']),
    commandProbe('mono', ['--version']),
    fileProbe(newtonsoftJson),
    ...monoAssemblies.map(fileProbe),
  ],
  install:
    'apt-get install -y mono-mcs mono-runtime libnewtonsoft-json-cil-dev libmono-system-runtime-serialization4.0-cil libmono-system-componentmodel-dataannotations4.0-cil libmono-system-net-http4.0-cil',
});

describeWithTools([mono], 'csharp-netcore SDK models (generated/sdks/csharp-netcore)', () => {
  let workDir = '';
  let program = '';
  let servers: RoundTripServers = {};

  beforeAll(async () => {
    if (!existsSync(join(sdkDir, 'Model'))) throw new Error(`${sdkDir} is missing: run \`npm run generate:sdks\` first.`);
    workDir = mkdtempSync(join(tmpdir(), 'sdk-csharp-'));
    program = join(workDir, 'CartRoundTrip.exe');
    servers = await startRoundTripServers();
  });

  afterAll(async () => {
    await stopRoundTripServers(servers);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const roundTrip: RoundTrip = (target, seed, extra) => runRoundTrip('mono', [program, ...roundTripArgs(target, seed, extra)]);

  it(
    'compiles every model with mcs against Debian Newtonsoft.Json 6.0.8 (no shim), with the round-trip program',
    async () => {
      const models = readdirSync(join(sdkDir, 'Model'))
        .filter((file) => file.endsWith('.cs'))
        .map((file) => join(sdkDir, 'Model', file));
      expect(models.length).toBeGreaterThan(0);
      const sources = [...models, join(sdkDir, 'Client/OpenAPIDateConverter.cs'), resolve('test/sdks/csharp/CartRoundTrip.cs')];
      // CS0472 (a value type compared with null) is the generator's Equals/GetHashCode pattern: harmless, and noise here.
      const references = [...monoAssemblies, newtonsoftJson].map((reference) => `-r:${reference}`);
      // mcs exits non-zero on any error (the catch below reports them) and prints nothing when there is no warning.
      await run('mcs', ['-nowarn:472', `-out:${program}`, ...references, ...sources], { timeout: 300_000 }).catch(
        (error: Error & { stdout?: string; stderr?: string }) => {
          throw new Error(`mcs failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
        },
      );
      expect(existsSync(program)).toBe(true);
    },
    compileTimeoutMs,
  );

  roundTripTests(() => servers, roundTrip, { lineIdZeroOmitted: true });
});
