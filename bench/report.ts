import type { InMemoryRow, LoopbackRow, OverheadSettings } from './overhead.js';
import type { PipelineTimes } from './pipeline-time.js';
import type { ValidationRow } from './validation.js';
import type { BundleRow, DependencyWeight } from './weight.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started: the machine may be shared. */
  loadAverage: number;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  settings: OverheadSettings;
  loopback: LoopbackRow[];
  inMemory: InMemoryRow[];
  validation: ValidationRow[];
  bundles: BundleRow[];
  dependencies: DependencyWeight;
  /** Absent until a run with --pipeline; carried over from the previous results otherwise. */
  pipeline?: PipelineTimes;
  targets: Target[];
}

const CLIENT_ON = 'createCartClient (validation on)';

function find<T extends { contender: string }>(rows: readonly T[], contender: string, extra: (row: T) => boolean = () => true): T {
  const row = rows.find((candidate) => candidate.contender === contender && extra(candidate));
  if (!row) throw new Error(`no result for ${contender}`);
  return row;
}

/** The issue's targets, judged on this run's numbers. */
export function judgeTargets(results: Omit<BenchResults, 'targets'>): Target[] {
  const concurrent = `concurrency ${results.settings.concurrency}`;
  const client = find(results.loopback, CLIENT_ON, (row) => row.mode === concurrent);
  const hundred = results.validation.find((row) => row.lineItems === 100);
  const entry = results.bundles[0];
  return [
    {
      name: `client vs bare openapi-fetch, loopback, ${concurrent}`,
      goal: '≥ 0.95',
      measured: client.ratioToBareOpenapiFetch.toFixed(2),
      met: client.ratioToBareOpenapiFetch >= 0.95,
    },
    {
      name: `client vs raw fetch, loopback, ${concurrent}`,
      goal: '≥ 0.80',
      measured: client.ratioToRawFetch.toFixed(2),
      met: client.ratioToRawFetch >= 0.8,
    },
    {
      name: 'validateCartUpdate, 100 line items',
      goal: '< 50 µs',
      measured: hundred ? `${hundred.validateMicroseconds} µs` : 'not measured',
      met: hundred !== undefined && hundred.validateMicroseconds < 50,
    },
    {
      name: 'client entry, minified + gzip',
      goal: '< 12 000 B',
      measured: entry ? `${entry.gzippedBytes} B` : 'not measured',
      met: entry !== undefined && entry.gzippedBytes < 12_000,
    },
  ];
}

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

export function renderMarkdown(results: BenchResults): string {
  const { machine, settings } = results;
  const sections = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${results.date}. Do not edit; rerun it. Raw numbers: bench/results.json.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; 1-minute load average ${machine.loadAverage} when the run started (a shared machine: compare the ratios, which are taken within one round, rather than the absolute numbers).`,
    '',
    '## Targets',
    '',
    table(
      ['target', 'goal', 'measured', 'met'],
      results.targets.map((target) => [target.name, target.goal, target.measured, target.met ? 'yes' : '**no**']),
    ),
    '',
    '## Client overhead on loopback',
    '',
    `${settings.updates} cart updates (PUT of a one-line cart with an add-on and participants, JSON answer parsed) per contender and mode, in ${settings.rounds} rounds after a warm-up; the contenders' order rotates each round. The server runs in a separate Node process on 127.0.0.1 and answers every PUT with the same cart. Ratios are per round, then the median; ops/s shows median (min–max).`,
    '',
    table(
      ['mode', 'contender', 'ops/s median (min–max)', '× raw fetch', '× bare openapi-fetch'],
      results.loopback.map((row) => [
        row.mode,
        row.contender,
        `${fixed(row.opsPerSecond.median)} (${fixed(row.opsPerSecond.min)}–${fixed(row.opsPerSecond.max)})`,
        fixed(row.ratioToRawFetch, 2),
        fixed(row.ratioToBareOpenapiFetch, 2),
      ]),
    ),
    '',
    '## Client cost in memory',
    '',
    `${settings.inMemoryCalls} sequential updates per contender and round against a stub \`fetch\` that answers at once with the same cart, so only the client's own work is left (axios through its fetch adapter here, its Node http adapter on loopback). The stub does not read the request body.`,
    '',
    table(
      ['contender', 'µs per call median (min–max)', 'µs added vs raw stub', 'µs added vs bare openapi-fetch'],
      results.inMemory.map((row) => [
        row.contender,
        `${fixed(row.microsecondsPerCall.median, 1)} (${fixed(row.microsecondsPerCall.min, 1)}–${fixed(row.microsecondsPerCall.max, 1)})`,
        fixed(row.addedVsRawStub, 1),
        fixed(row.addedVsBareOpenapiFetch, 1),
      ]),
    ),
    '',
    '## Validation',
    '',
    'The generated `validateCartUpdate` (Ajv standalone) on valid carts, each line with one add-on and two participants, against `JSON.stringify` of the same cart; median of 9 samples.',
    '',
    table(
      ['line items', 'validateCartUpdate µs', 'JSON.stringify µs', 'validate ÷ stringify'],
      results.validation.map((row) => [row.lineItems, row.validateMicroseconds, row.stringifyMicroseconds, row.ratioToStringify]),
    ),
    '',
    '## Weight',
    '',
    "esbuild (bundle, minify, ESM, browser platform), then gzip -9: what a consumer's bundle grows by.",
    '',
    table(
      ['entry', 'minified B', 'gzipped B'],
      results.bundles.map((row) => [row.entry, row.minifiedBytes, row.gzippedBytes]),
    ),
    '',
    `Production dependencies as installed (package.json \`dependencies\`, transitively): ${results.dependencies.packages.map((item) => `${item.name} ${item.version} (${item.bytes} B)`).join(', ')}; ${results.dependencies.totalBytes} B in all.`,
    '',
    '## Pipeline time',
    '',
  ];
  if (results.pipeline) {
    sections.push(
      `Wall time in a fresh clone of commit ${results.pipeline.commit.slice(0, 7)} with this tree's node_modules hard-linked in, measured ${results.pipeline.measuredAt} by \`npm run bench -- --pipeline\` (each command on its own; build includes lint and generate).`,
      '',
      table(
        ['command', 'seconds', 'exit code'],
        results.pipeline.rows.map((row) => [`\`${row.command}\``, row.seconds, row.exitCode ?? 'killed']),
      ),
    );
  } else {
    sections.push('Not measured yet: run `npm run bench -- --pipeline`.');
  }
  return `${sections.join('\n')}\n`;
}
