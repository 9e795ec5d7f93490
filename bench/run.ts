/*
 * npm run bench: client overhead (loopback and in memory), validation cost and package weight, written to
 * bench/results.md and bench/results.json. `-- --pipeline` also times lint, generate, build and npm test (several
 * minutes, so not by default: the default run stays well under five minutes); without it the pipeline times of the
 * previous results are kept. `-- --quick` runs fewer rounds, for trying the harness, and writes nothing.
 * `-- --render` measures nothing: it writes bench/results.md again from bench/results.json (after editing
 * bench/profile-notes.md, say).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { type FixesCostSettings, measureFixesCost } from './fixes-cost.js';
import { measureInMemory, measureLoopback, type OverheadSettings } from './overhead.js';
import { measurePipeline, type PipelineTimes } from './pipeline-time.js';
import { judgeTargets, renderMarkdown, type BenchResults, type Machine } from './report.js';
import { round } from './stats.js';
import { measureValidation } from './validation.js';
import { measureBundles, measureDependencies } from './weight.js';

const RESULTS_JSON = 'bench/results.json';
const RESULTS_MD = 'bench/results.md';

const FULL: OverheadSettings = { updates: 1500, rounds: 7, concurrency: 32, inMemoryCalls: 3000 };
const QUICK: OverheadSettings = { updates: 300, rounds: 2, concurrency: 32, inMemoryCalls: 500 };

/** The issue 12 pair (fixes-cost.ts): about 40 s, what the pair took in the rotation before, spent on short paired blocks. */
const FIXES_FULL: FixesCostSettings = {
  sequential: { pairs: 120, updatesPerBlock: 100 },
  concurrent: { pairs: 50, updatesPerBlock: 320, concurrency: FULL.concurrency },
  inMemory: { pairs: 40, updatesPerBlock: 500 },
};
const FIXES_QUICK: FixesCostSettings = {
  sequential: { pairs: 10, updatesPerBlock: 50 },
  concurrent: { pairs: 6, updatesPerBlock: 128, concurrency: QUICK.concurrency },
  inMemory: { pairs: 6, updatesPerBlock: 200 },
};

function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: round(loadavg()[0] ?? 0, 2),
  };
}

async function previousPipeline(): Promise<PipelineTimes | undefined> {
  try {
    return (JSON.parse(await readFile(RESULTS_JSON, 'utf8')) as BenchResults).pipeline;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const flags = new Set(process.argv.slice(2));
  if (flags.has('--render')) {
    await writeFile(RESULTS_MD, renderMarkdown(JSON.parse(await readFile(RESULTS_JSON, 'utf8')) as BenchResults));
    console.log(`wrote ${RESULTS_MD} from ${RESULTS_JSON}`);
    return;
  }
  const quick = flags.has('--quick');
  const settings = quick ? QUICK : FULL;
  const fixesSettings = quick ? FIXES_QUICK : FIXES_FULL;
  const log = (line: string): void => console.log(line);
  const started = performance.now();
  const host = machine();

  log('client overhead in memory');
  const inMemory = await measureInMemory(settings, log);
  log('client overhead on loopback');
  const loopback = await measureLoopback(settings, log);
  log('cost of the issue 12 fixes, in pairs of blocks');
  const fixesCost = await measureFixesCost(fixesSettings, log);
  log('validation');
  const validation = measureValidation([1, 10, 100, 1000]);
  log('weight');
  const bundles = await measureBundles();
  const dependencies = await measureDependencies();
  let pipeline = await previousPipeline();
  if (flags.has('--pipeline')) {
    log('pipeline time (a fresh clone of HEAD)');
    pipeline = await measurePipeline(log);
  }

  const measured = {
    date: new Date().toISOString(),
    machine: host,
    settings,
    fixesSettings,
    loopback,
    fixesCost,
    inMemory,
    validation,
    bundles,
    dependencies,
    ...(pipeline ? { pipeline } : {}),
  };
  const results: BenchResults = { ...measured, targets: judgeTargets(measured) };
  const markdown = renderMarkdown(results);
  if (quick) {
    console.log(markdown);
  } else {
    await writeFile(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(RESULTS_MD, markdown);
    log(`wrote ${RESULTS_MD} and ${RESULTS_JSON}`);
  }
  log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
