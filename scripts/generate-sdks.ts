/**
 * `npm run generate:sdks`: generates the SDKs for teams outside TypeScript (typescript-fetch, python, csharp-netcore,
 * java, go) from the bundled spec into `generated/sdks/<name>/`, with openapi-generator 5.0.0-beta2 run offline.
 * Every SDK is configured in `openapitools.json` (`generator-cli.generators`); its version is the spec's
 * `info.version`. Output is deterministic, so `check:generated` can regenerate it into a temp dir and compare.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, readWrapperConfig, type GeneratorConfig } from './openapi-generator.js';
import { BUNDLED_SPEC, REPO_ROOT, SDK_DIR } from './paths.js';
import { runMain } from './run-main.js';
const generatorVersion = '5.0.0-beta2';

/**
 * Files the generators write that are not SDK code: CI and publishing scripts for a repository the SDK does not
 * have, a binary Gradle wrapper, a second copy of the spec, nested .gitignore files (they would hide generated
 * files from git), and empty test stubs (`// TODO: test validations`). Patterns that match nothing in an SDK are
 * harmless, so one list serves all five.
 */
const ignoredOutputs = [
  '.gitignore',
  '.travis.yml',
  '.gitlab-ci.yml',
  'appveyor.yml',
  'git_push.sh',
  'api/openapi.yaml',
  // java
  'gradle/**',
  'gradlew',
  'gradlew.bat',
  'build.sbt',
  'src/main/AndroidManifest.xml',
  'src/test/**',
  // python
  'test/**',
  'test-requirements.txt',
  'tox.ini',
  // csharp-netcore: the solution file only ties the library to the stub test project
  '*.sln',
  'src/*.Test/**',
];

export interface SdkResult {
  name: string;
  outputDir: string;
  /** Distinct `WARN` lines the generator printed about the spec, with how often each appeared. */
  warnings: Array<{ message: string; count: number }>;
  seconds: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const primitiveTypes = new Set(['integer', 'number', 'string', 'boolean']);

function isPrimitiveUnion(members: Json | undefined): boolean {
  return (
    Array.isArray(members) &&
    members.every(
      (member) =>
        typeof member === 'object' &&
        member !== null &&
        !Array.isArray(member) &&
        !('$ref' in member) &&
        primitiveTypes.has(String(member.type)),
    )
  );
}

/**
 * The spec as the generators see it. 5.0.0-beta2 turns a `oneOf`/`anyOf` of primitive types (the error `code`,
 * integer or string) into a type that does not exist (`OneOfintegerstring` in C#, Java, Python and Go, and
 * `number | stringFromJSON(...)` in typescript-fetch, which does not compile). Dropping such a union leaves an
 * untyped property, which every generator maps to its "any value" type. Everything else is passed on unchanged;
 * the bundled spec keeps the union for validators.
 */
export function sdkViewOfSpec(node: Json): Json {
  if (Array.isArray(node)) return node.map(sdkViewOfSpec);
  if (typeof node !== 'object' || node === null) return node;
  const view: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'oneOf' || key === 'anyOf') && isPrimitiveUnion(value)) continue;
    view[key] = sdkViewOfSpec(value);
  }
  return view;
}

function readSpecVersion(spec: Json, specPath: string): string {
  const info = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? spec.info : undefined;
  const version = typeof info === 'object' && info !== null && !Array.isArray(info) ? info.version : undefined;
  if (typeof version !== 'string' || version === '') {
    throw new Error(`${specPath} has no info.version string; the SDK versions are taken from it. Run \`npm run bundle\` first.`);
  }
  return version;
}

/** Maps `generated/sdks/<name>` in openapitools.json onto `outDir/<name>`, so a temp outDir mirrors the repo. */
function outputDirFor(config: GeneratorConfig, outDir: string): string {
  const inSdkDir = relative(SDK_DIR, resolve(REPO_ROOT, config.output));
  if (inSdkDir === '' || inSdkDir.startsWith('..') || isAbsolute(inSdkDir)) {
    throw new Error(`openapitools.json: output ${config.output} must be a folder inside generated/sdks/.`);
  }
  return join(outDir, inSdkDir);
}

function collectWarnings(output: string): SdkResult['warnings'] {
  const counts = new Map<string, number>();
  for (const line of output.split('\n')) {
    const message = /\bWARN\s+(.*)$/.exec(line)?.[1]?.trim();
    if (message) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].map(([message, count]) => ({ message, count }));
}

function provenanceNote(entries: ReadonlyArray<[string, GeneratorConfig]>, specVersion: string): string {
  const generators = entries.map(([name, config]) => `\`${config.generatorName}\` (entry \`${name}\`)`).join(' and ');
  return [
    `# Generated SDK: do not edit`,
    '',
    `Generated by \`npm run generate:sdks\` (scripts/generate-sdks.ts) with openapi-generator ${generatorVersion},`,
    `${generators} of openapitools.json, from generated/openapi.json (info.version ${specVersion}).`,
    'To change it, change openapi/ or openapitools.json and run the command again.',
    '',
  ].join('\n');
}

function ignoreFile(): string {
  return ['# Generated by `npm run generate:sdks` (scripts/generate-sdks.ts); edit the list there.', ...ignoredOutputs, ''].join('\n');
}

/** Entries that share an output folder (the Go client and its models) are generated into it one after another. */
function groupByOutputDir(outDir: string): Map<string, Array<[string, GeneratorConfig]>> {
  const groups = new Map<string, Array<[string, GeneratorConfig]>>();
  for (const entry of Object.entries(readWrapperConfig().generators)) {
    const dir = outputDirFor(entry[1], outDir);
    groups.set(dir, [...(groups.get(dir) ?? []), entry]);
  }
  return groups;
}

async function generateSdk(
  name: string,
  outputDir: string,
  entries: ReadonlyArray<[string, GeneratorConfig]>,
  sdkSpecPath: string,
  specVersion: string,
): Promise<SdkResult> {
  const started = performance.now();
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  // The generator reads this file from the output folder before writing anything, and never overwrites it.
  writeFileSync(join(outputDir, '.openapi-generator-ignore'), ignoreFile());
  let output = '';
  for (const [, config] of entries) {
    output += await generate({ ...config, inputSpec: sdkSpecPath, output: outputDir }, { SPEC_VERSION: specVersion });
  }
  writeFileSync(join(outputDir, 'GENERATED.md'), provenanceNote(entries, specVersion));
  return { name, outputDir, warnings: collectWarnings(output), seconds: (performance.now() - started) / 1000 };
}

/**
 * Generates every SDK configured in openapitools.json from `specPath` into `outDir/<name>/`, replacing what was there.
 * @example
 * await generateSdks('generated/openapi.json', await mkdtemp(join(tmpdir(), 'sdks-'))); // check:generated
 */
export async function generateSdks(specPath: string, outDir: string): Promise<SdkResult[]> {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
  const specVersion = readSpecVersion(spec, specPath);
  const workDir = mkdtempSync(join(tmpdir(), 'sdk-spec-'));
  try {
    const sdkSpecPath = join(workDir, 'openapi.json');
    writeFileSync(sdkSpecPath, JSON.stringify(sdkViewOfSpec(spec), null, 2));
    const results: SdkResult[] = [];
    // One at a time: each run is a JVM that keeps both cores busy while it starts.
    for (const [outputDir, entries] of groupByOutputDir(outDir)) {
      results.push(await generateSdk(relative(outDir, outputDir), outputDir, entries, sdkSpecPath, specVersion));
    }
    return results;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

runMain(import.meta.url, 'Usage: npm run generate:sdks', async (argv) => {
  parseArgs({ args: argv });
  for (const result of await generateSdks(BUNDLED_SPEC, SDK_DIR)) {
    console.log(`${relative(REPO_ROOT, result.outputDir)} (${result.seconds.toFixed(1)} s)`);
    for (const { message, count } of result.warnings) console.log(`  warning${count > 1 ? ` (x${count})` : ''}: ${message}`);
  }
  return 0;
});
