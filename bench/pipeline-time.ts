import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PipelineRow {
  command: string;
  seconds: number;
  exitCode: number | null;
}

export interface PipelineTimes {
  /** The commit the times were taken on (a fresh clone of it). */
  commit: string;
  measuredAt: string;
  rows: PipelineRow[];
}

/* In the order a developer runs them; each one runs on its own, so build repeats lint and generate. */
const COMMANDS = ['npm run lint', 'npm run generate', 'npm run build', 'npm test'];

function run(command: string, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * Wall time of each command in a fresh clone of HEAD (node_modules hard-linked from this tree), so the working tree,
 * where other work may be going on, is neither read half-edited nor rewritten by generate and build.
 */
export async function measurePipeline(log: (line: string) => void): Promise<PipelineTimes> {
  const commit = (await run('git rev-parse HEAD', process.cwd())).output.trim();
  const clone = await mkdtemp(join(tmpdir(), 'bench-pipeline-'));
  try {
    const cloned = await run(`git clone --quiet --no-hardlinks "${process.cwd()}" "${clone}"`, process.cwd());
    if (cloned.code !== 0) throw new Error(`git clone of this repository failed: ${cloned.output}`);
    // Hard links, not a symlink: a symlinked node_modules changes the paths bundlers report (the bundle-size test
    // reads them), and the clone must behave like a fresh install.
    const linked = await run(`cp -al "${join(process.cwd(), 'node_modules')}" "${join(clone, 'node_modules')}"`, process.cwd());
    if (linked.code !== 0) throw new Error(`could not link node_modules into the clone: ${linked.output}`);
    const rows: PipelineRow[] = [];
    for (const command of COMMANDS) {
      log(`  ${command} ...`);
      const begin = performance.now();
      const { code, output } = await run(command, clone);
      const seconds = Math.round((performance.now() - begin) / 100) / 10;
      if (code !== 0) log(`  ${command} exited with ${code}; its last output:\n${output.split('\n').slice(-15).join('\n')}`);
      rows.push({ command, seconds, exitCode: code });
    }
    return { commit, measuredAt: new Date().toISOString(), rows };
  } finally {
    await rm(clone, { recursive: true, force: true });
  }
}
