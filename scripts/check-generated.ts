/**
 * Drift check: regenerates everything under generated/ from openapi/ into a temporary folder and compares it byte for
 * byte with what is committed. Fails naming every file that differs, is missing, or is no longer produced.
 *
 * Usage: npm run check:generated [-- --project <dir>]   (a dir holding openapi/ and generated/; default: this repo)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBundledSpec } from './bundle-spec.js';
import { buildReference } from './build-docs.js';
import { generateInto } from './generate.js';
import { generateSdks } from './generate-sdks.js';
import { SpecSourceError } from './spec/source-error.js';

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

/** Every generator, in dependency order; each writes into `outDir` what it writes into generated/ normally. */
async function regenerate(projectDir: string, outDir: string): Promise<void> {
  const spec = join(outDir, 'openapi.json');
  writeBundledSpec(join(projectDir, 'openapi/openapi.yaml'), spec);
  await generateInto(outDir, spec);
  await buildReference(spec, join(outDir, 'reference.html'));
  await generateSdks(spec, join(outDir, 'sdks'));
}

export async function checkGenerated(projectDir: string): Promise<DriftReport> {
  const committedDir = join(projectDir, 'generated');
  const freshDir = mkdtempSync(join(tmpdir(), 'pc-cart-generated-'));
  try {
    await regenerate(projectDir, freshDir);
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

async function main(): Promise<void> {
  const projectFlag = process.argv.indexOf('--project');
  const projectDir = resolve(projectFlag >= 0 ? (process.argv[projectFlag + 1] ?? '.') : '.');
  let report: DriftReport;
  try {
    report = await checkGenerated(projectDir);
  } catch (error) {
    if (!(error instanceof SpecSourceError)) throw error;
    console.error(`error: ${error.message}\nThe spec could not be bundled, so nothing was compared. Fix the file above first.`);
    process.exitCode = 1;
    return;
  }
  const where = (file: string): string => relative(process.cwd(), join(projectDir, 'generated', file));
  const lines = [
    ...report.differing.map((file) => `differs:       ${where(file)}`),
    ...report.missing.map((file) => `missing:       ${where(file)}`),
    ...report.notProduced.map((file) => `not produced:  ${where(file)} (no generator writes it any more)`),
  ];
  if (lines.length === 0) {
    console.log('generated/ is up to date with openapi/.');
    return;
  }
  console.error(lines.join('\n'));
  console.error(`\n${lines.length} generated file(s) out of date. Run \`npm run build\` and commit generated/.`);
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
