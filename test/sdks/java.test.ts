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
 * The Java SDK (okhttp-gson, java8 dates) compiled with javac against Debian's jars, no Maven. Three artifacts it
 * names are not packaged by Debian (swagger-annotations, gson-fire, logging-interceptor); test/sdks/java/shim/
 * stands in for them, test-only, as its README says. test/sdks/java/CartRoundTrip.java is compiled with the SDK.
 */

const sdkSources = resolve('generated/sdks/java/src/main/java');
const debianJars = ['okhttp', 'okio', 'gson', 'jsr305', 'geronimo-annotation-1.3-spec'].map((name) => `/usr/share/java/${name}.jar`);
const run = promisify(execFile);
/** A first compile on a cold cache and a busy 2-core machine takes far longer than the 60 s default. */
const compileTimeoutMs = 300_000;

const java = requireTool({
  name: 'javac 17 and the Debian-packaged okhttp, okio, gson, jsr305 and javax.annotation jars',
  probes: [commandProbe('javac', ['-version']), ...debianJars.map(fileProbe)],
  install:
    'apt-get install -y openjdk-17-jdk-headless libokhttp-java libgoogle-gson-java libjsr305-java libgeronimo-annotation-1.3-spec-java',
});

function javaFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.java'))
    .map((file) => join(dir, file));
}

describeWithTools([java], 'java SDK (generated/sdks/java)', () => {
  let workDir = '';
  let classPath = '';
  let servers: RoundTripServers = {};

  beforeAll(async () => {
    if (!existsSync(sdkSources)) throw new Error(`${sdkSources} is missing: run \`npm run generate:sdks\` first.`);
    workDir = mkdtempSync(join(tmpdir(), 'sdk-java-'));
    classPath = [join(workDir, 'classes'), ...debianJars].join(':');
    servers = await startRoundTripServers();
  });

  afterAll(async () => {
    await stopRoundTripServers(servers);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const roundTrip: RoundTrip = (target, seed, extra) =>
    runRoundTrip('java', ['-cp', classPath, 'CartRoundTrip', ...roundTripArgs(target, seed, extra)]);

  it(
    'compiles with javac against Debian jars (SDK, test-only shims and the round-trip program)',
    async () => {
      const sources = [...javaFiles(sdkSources), ...javaFiles(resolve('test/sdks/java'))];
      const compiled = await run('javac', ['-d', join(workDir, 'classes'), '-cp', debianJars.join(':'), ...sources], {
        timeout: 300_000,
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: Error & { stderr?: string }) => {
        throw new Error(`javac failed:\n${error.stderr ?? error.message}`);
      });
      expect(compiled.stderr).not.toMatch(/error:/);
      expect(existsSync(join(workDir, 'classes/CartRoundTrip.class'))).toBe(true);
    },
    compileTimeoutMs,
  );

  roundTripTests(() => servers, roundTrip);
});
