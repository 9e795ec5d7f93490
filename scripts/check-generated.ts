/**
 * `npm run check:generated`, the drift check: regenerates everything under generated/ from openapi/ into a temporary
 * folder (the steps of `npm run generate`) and compares it byte for byte with what is committed. Fails naming every
 * file that differs, is missing, or is no longer produced.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateAll } from './generate-all.js';
import { REPO_ROOT, SPEC_ROOT_NAME } from './paths.js';
import { runMain } from './run-main.js';

export interface DriftReport {
  differing: string[];
  missing: string[];
  notProduced: string[];
}

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path).map((file) => join(name, file)) : [name];
  });
}

export async function checkGenerated(projectDir: string): Promise<DriftReport> {
  const committedDir = join(projectDir, 'generated');
  const freshDir = mkdtempSync(join(tmpdir(), 'pc-cart-generated-'));
  try {
    await generateAll(join(projectDir, SPEC_ROOT_NAME), freshDir);
    const fresh = new Set(listFiles(freshDir));
    const committed = new Set(listFiles(committedDir));
    const report: DriftReport = { differing: [], missing: [], notProduced: [] };
    for (const file of [...fresh].sort()) {
      if (!committed.has(file)) report.missing.push(file);
      else if (!readFileSync(join(freshDir, file)).equals(readFileSync(join(committedDir, file)))) report.differing.push(file);
    }
    for (const file of [...committed].sort()) if (!fresh.has(file)) report.notProduced.push(file);
    return report;
  } finally {
    rmSync(freshDir, { recursive: true, force: true });
  }
}

const USAGE = 'Usage: npm run check:generated -- [--project <dir holding openapi/ and generated/>]   (default: this repository)';

runMain(import.meta.url, USAGE, async (argv) => {
  const { values } = parseArgs({ args: argv, options: { project: { type: 'string' } } });
  const projectDir = values.project ? resolve(values.project) : REPO_ROOT;
  const report = await checkGenerated(projectDir);
  const where = (file: string): string => relative(process.cwd(), join(projectDir, 'generated', file));
  const lines = [
    ...report.differing.map((file) => `differs:       ${where(file)}`),
    ...report.missing.map((file) => `missing:       ${where(file)}`),
    ...report.notProduced.map((file) => `not produced:  ${where(file)} (no generator writes it any more)`),
  ];
  if (lines.length === 0) {
    console.log('generated/ is up to date with openapi/.');
    return 0;
  }
  console.error(lines.join('\n'));
  console.error(`\n${lines.length} generated file(s) out of date. Run \`npm run build\` and commit generated/.`);
  return 1;
});
