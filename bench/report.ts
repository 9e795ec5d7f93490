import { readFileSync } from 'node:fs';
import { AXIOS, CLIENT_BEFORE_FIXES, CLIENT_FETCH, CLIENT_ON, GENERATED_SDK, RAW_FETCH, UNDICI_REQUEST } from './contenders.js';
import type { FixesCostRow, FixesCostSettings } from './fixes-cost.js';
import { type InMemoryRow, LOOPBACK_BASELINES, type LoopbackRow, type OverheadSettings } from './overhead.js';
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
  fixesSettings: FixesCostSettings;
  loopback: LoopbackRow[];
  /** The issue 12 pair, measured in paired blocks (fixes-cost.ts). */
  fixesCost: FixesCostRow[];
  inMemory: InMemoryRow[];
  validation: ValidationRow[];
  bundles: BundleRow[];
  dependencies: DependencyWeight;
  /** Absent until a run with --pipeline; carried over from the previous results otherwise. */
  pipeline?: PipelineTimes;
  targets: Target[];
}

/** Hand-written from the --cpu-prof profiles (see the file): carried into results.md as it is. */
const PROFILE_NOTES = 'bench/profile-notes.md';

function find<T extends { contender: string }>(rows: readonly T[], contender: string, extra: (row: T) => boolean = () => true): T {
  const row = rows.find((candidate) => candidate.contender === contender && extra(candidate));
  if (!row) throw new Error(`no result for ${contender}`);
  return row;
}

/** The issues' targets, judged on this run's numbers. */
export function judgeTargets(results: Omit<BenchResults, 'targets'>): Target[] {
  const concurrent = `concurrency ${results.settings.concurrency}`;
  const hundred = results.validation.find((row) => row.lineItems === 100);
  const entry = results.bundles[0];
  const targets: Target[] = [];
  for (const mode of ['sequential', concurrent]) {
    const client = find(results.loopback, CLIENT_ON, (row) => row.mode === mode);
    const ratio = (baseline: string): number => client.ratioTo[baseline] ?? Number.NaN;
    targets.push(
      { name: `client vs axios, loopback, ${mode}`, goal: '≥ 1.00', measured: ratio(AXIOS).toFixed(2), met: ratio(AXIOS) >= 1 },
      {
        name: `client vs generated typescript-fetch SDK, loopback, ${mode}`,
        goal: '≥ 1.00',
        measured: ratio(GENERATED_SDK).toFixed(2),
        met: ratio(GENERATED_SDK) >= 1,
      },
      {
        name: `client vs undici request (the transport's limit), loopback, ${mode}`,
        goal: '≥ 0.50 (aim)',
        measured: ratio(UNDICI_REQUEST).toFixed(2),
        met: ratio(UNDICI_REQUEST) >= 0.5,
      },
    );
    const paired = results.fixesCost.find((row) => row.mode === mode);
    const kept = paired?.ratio.median ?? Number.NaN;
    targets.push({
      name: `cost of the issue 12 fixes: client ÷ client before them, both on platform fetch, ${mode} (median of paired blocks)`,
      goal: '≥ 0.95',
      measured: paired ? `${kept.toFixed(2)} (95% interval ${ratioInterval(paired)})` : 'not measured',
      met: kept >= 0.95,
    });
  }
  targets.push(
    {
      name: 'validateCartUpdate, 100 line items',
      goal: '< 50 µs',
      measured: hundred ? `${hundred.validateMicroseconds} µs` : 'not measured',
      met: hundred !== undefined && hundred.validateMicroseconds < 50,
    },
    {
      name: 'client entry for browsers (createCartClient), minified + gzip',
      goal: '< 12 000 B',
      measured: entry ? `${entry.gzippedBytes} B` : 'not measured',
      met: entry !== undefined && entry.gzippedBytes < 12_000,
    },
  );
  return targets;
}

function profileNotes(): string {
  try {
    return readFileSync(PROFILE_NOTES, 'utf8').trim();
  } catch {
    return `Not written yet: see ${PROFILE_NOTES}.`;
  }
}

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

function ratioInterval(row: FixesCostRow): string {
  return `${fixed(row.ratio.low, 2)}–${fixed(row.ratio.high, 2)}`;
}

function fixesCostSection(results: BenchResults): string[] {
  const { fixesSettings: blocks } = results;
  const opsCell = (summary: FixesCostRow['before']): string => `${fixed(summary.median)} (${fixed(summary.min)}–${fixed(summary.max)})`;
  return [
    '## Cost of the issue 12 fixes',
    '',
    `"${CLIENT_FETCH}" (this tree) against "${CLIENT_BEFORE_FIXES}" (commit b3b2e28), both given the platform \`fetch\` and both bundled by esbuild with the same options (bench/previous-client.ts), so that neither runs through tsx's transform. Measured on their own, in pairs of short blocks: a block of one client, then a block of the other, the order alternating from pair to pair; one ratio (after ÷ before, in updates per second) per pair, then the median over all pairs and the distribution-free 95% interval of that median. No pair is dropped. Sequential: ${blocks.sequential.pairs} pairs of ${blocks.sequential.updatesPerBlock} updates; concurrency ${blocks.concurrent.concurrency}: ${blocks.concurrent.pairs} pairs of ${blocks.concurrent.updatesPerBlock}; in memory (the stub \`fetch\` of the in-memory run): ${blocks.inMemory.pairs} pairs of ${blocks.inMemory.updatesPerBlock}. The same loopback server as above, started again for this pair.`,
    '',
    table(
      [
        'mode',
        'pairs × updates',
        'before: ops/s median (min–max)',
        'after: ops/s median (min–max)',
        'after ÷ before, median',
        'middle half of the ratios',
        '95% interval of the median',
      ],
      results.fixesCost.map((row) => [
        row.mode,
        `${row.pairs} × ${row.updatesPerBlock}`,
        opsCell(row.before),
        opsCell(row.after),
        fixed(row.ratio.median, 3),
        `${fixed(row.ratio.q1, 2)}–${fixed(row.ratio.q3, 2)}`,
        ratioInterval(row),
      ]),
    ),
    '',
  ];
}

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
      ['mode', 'contender', 'ops/s median (min–max)', ...LOOPBACK_BASELINES.map((baseline) => `× ${baseline}`), '× bare openapi-fetch'],
      results.loopback.map((row) => [
        row.mode,
        row.contender,
        `${fixed(row.opsPerSecond.median)} (${fixed(row.opsPerSecond.min)}–${fixed(row.opsPerSecond.max)})`,
        ...LOOPBACK_BASELINES.map((baseline) => fixed(row.ratioTo[baseline] ?? Number.NaN, 2)),
        fixed(row.ratioToBareOpenapiFetch, 2),
      ]),
    ),
    '',
    `Our client runs as a Node user gets it: the package's \`node\` export, whose default transport is undici's dispatcher. "${UNDICI_REQUEST}" and "node:http keep-alive" do the same work with no client around it: the limit of each transport. Raw numbers of ${RAW_FETCH} and the others are in the table. What the issue 12 fixes cost on one transport is measured in the next section.`,
    '',
    ...fixesCostSection(results),
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
    '## Where the remaining gap goes',
    '',
    profileNotes(),
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
