/**
 * Offline openapi-generator: runs the openapi-generator 5.0.0-beta2 JAR that ships inside the npm package
 * `openapi-generator-jar` (an alias of @openapitools/openapi-generator-cli@1.0.18-5.0.0-beta2), so no command
 * ever reaches for Maven Central.
 *
 * Why `java -jar` on that JAR and not the 2.x wrapper (`@openapitools/openapi-generator-cli`): the wrapper stays
 * offline with `--custom-generator`, but it joins its arguments into one shell string without quoting (a path or
 * value with a space or shell character breaks), takes its working directory from `$PWD` rather than the process's,
 * starts two extra JVMs (`help`, `completion`) before every command, writes an empty `openapitools.json` wherever
 * it runs, and runs all configured generators at once with interleaved output, so a warning cannot be traced to its
 * SDK. The wrapper's own configuration file, `openapitools.json`, is still the one place the SDKs are configured:
 * `generate-sdks.ts` reads its `generators` section and passes each entry to the JAR exactly as the wrapper would.
 * `linkWrapperStorage()` keeps the wrapper itself usable offline too (`npx openapi-generator-cli version`).
 *
 * Run directly to pass arguments through to the JAR: `npx tsx scripts/openapi-generator.ts config-help -g go`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { GENERATOR_CONFIG, REPO_ROOT } from './paths.js';
import { runMain } from './run-main.js';

const generatorJar = join(REPO_ROOT, 'node_modules/openapi-generator-jar/bin/openapi-generator.jar');

/** A run that takes longer than this is stuck (a normal generate takes 1–2 s); it is killed and reported. */
const runTimeoutMs = 180_000;

export interface GeneratorRun {
  exitCode: number;
  /** stdout and stderr interleaved, as the generator printed them. */
  output: string;
}

/** One entry of `openapitools.json` → `generator-cli.generators` (the wrapper's schema, the keys this repo uses). */
export interface GeneratorConfig {
  generatorName: string;
  inputSpec: string;
  output: string;
  gitHost?: string;
  gitUserId?: string;
  gitRepoId?: string;
  /** e.g. `models` to write only the model files. */
  globalProperty?: string;
  /** openapi-generator `--library`, e.g. `okhttp-gson` for java. */
  library?: string;
  /** Folder of templates that replace the generator's own files of the same name (see scripts/sdk-templates/). */
  templateDir?: string;
  additionalProperties?: Record<string, string | number | boolean>;
}

interface WrapperConfigFile {
  'generator-cli': { version: string; storageDir: string; generators: Record<string, GeneratorConfig> };
}

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(
      `openapi-generator needs a Java runtime, but \`java -version\` failed (${detail}). ` +
        'Install Java 17 (on Debian/Ubuntu: `apt-get install -y openjdk-17-jre-headless`) or put its `bin` directory ' +
        'on PATH, then run the command again.',
    );
    this.name = 'JavaMissingError';
  }
}

/** Fails fast with install instructions instead of a spawn ENOENT stack trace when `java` is not on PATH. */
export function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) throw new JavaMissingError(probe.error.message);
  if (probe.status !== 0) throw new JavaMissingError(`exit code ${String(probe.status)}: ${probe.stderr.trim()}`);
}

export function readWrapperConfig(): WrapperConfigFile['generator-cli'] {
  const parsed = JSON.parse(readFileSync(GENERATOR_CONFIG, 'utf8')) as WrapperConfigFile;
  return parsed['generator-cli'];
}

/**
 * The wrapper looks for `<storageDir>/<version>.jar` and downloads it when missing; pointing that name at the
 * bundled JAR makes `npx openapi-generator-cli …` in this repo offline as well.
 */
function linkWrapperStorage(): void {
  const { version, storageDir } = readWrapperConfig();
  const linkPath = join(REPO_ROOT, storageDir, `${version}.jar`);
  const target = relative(dirname(linkPath), generatorJar);
  try {
    if (readlinkSync(linkPath) === target) return;
    rmSync(linkPath, { force: true });
  } catch {
    // No link yet (or a plain file where the link belongs, removed above): create it below.
  }
  mkdirSync(dirname(linkPath), { recursive: true });
  symlinkSync(target, linkPath);
}

/** Runs the bundled JAR with `args`; never rejects for a non-zero exit (callers decide), only for a stuck run. */
export function runGenerator(args: readonly string[]): Promise<GeneratorRun> {
  assertJavaAvailable();
  linkWrapperStorage();
  return new Promise((resolvePromise, reject) => {
    const child = spawn('java', ['-jar', generatorJar, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), runTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') {
        reject(new Error(`openapi-generator ${args[0] ?? ''} did not finish within ${runTimeoutMs / 1000} s and was killed.\n${output}`));
        return;
      }
      resolvePromise({ exitCode: code ?? 1, output });
    });
  });
}

/**
 * Validates a spec with openapi-generator's own parser (a second, independent one beside Spectral's).
 * @example
 * const { ok, output } = await validateSpec('generated/openapi.json');
 * if (!ok) console.error(output);
 */
export async function validateSpec(specPath: string): Promise<{ ok: boolean; output: string }> {
  const run = await runGenerator(['validate', '--input-spec', resolve(specPath)]);
  return { ok: run.exitCode === 0, output: run.output };
}

/** `additionalProperties: {a: 1, b: "x"}` → `a=1,b=x`, the wrapper's encoding of object-valued options. */
function encodeOptionObject(value: Record<string, string | number | boolean>): string {
  return Object.entries(value)
    .map(([key, item]) => `${key}=${String(item)}`)
    .join(',');
}

/** camelCase config key → kebab-case CLI flag, as the wrapper does (`inputSpec` → `--input-spec`). */
function toFlag(key: string): string {
  return `--${key.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

/**
 * Turns one `openapitools.json` generator entry into JAR arguments. `${env.NAME}` / `${NAME}` placeholders (the
 * wrapper's syntax) are filled from `variables`; a placeholder without a value is an error, not an empty string.
 */
export function generateArgs(config: GeneratorConfig, variables: Readonly<Record<string, string>>): string[] {
  const fill = (text: string): string =>
    text.replace(/\$\{(?:env\.)?([^}]+)\}/g, (_match, name: string) => {
      const value = variables[name];
      if (value === undefined) throw new Error(`openapitools.json uses \${${name}} but generate-sdks supplies no value for it.`);
      return value;
    });
  const args = ['generate'];
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'object') args.push(`${toFlag(key)}=${fill(encodeOptionObject(value))}`);
    else args.push(`${toFlag(key)}=${fill(String(value))}`);
  }
  return args;
}

/** Runs one generator; throws with the generator's output when it fails. Returns the output (it holds the warnings). */
export async function generate(config: GeneratorConfig, variables: Readonly<Record<string, string>>): Promise<string> {
  const run = await runGenerator(generateArgs(config, variables));
  if (run.exitCode !== 0) {
    throw new Error(
      `openapi-generator (${config.generatorName}) failed with exit code ${run.exitCode} for ${config.inputSpec}.\n` +
        `${run.output}\nFix the spec or the generator options in openapitools.json and run it again.`,
    );
  }
  return run.output;
}

// Every argument belongs to the JAR, so none is parsed here.
runMain(import.meta.url, 'Usage: npx tsx scripts/openapi-generator.ts <openapi-generator arguments>', async (argv) => {
  const run = await runGenerator(argv);
  process.stdout.write(run.output);
  return run.exitCode;
});
