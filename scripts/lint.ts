/**
 * The lint gate: bundle the spec (which names file and line on broken YAML or $refs), run Spectral with the project's
 * ruleset on the bundle, map each finding back to the YAML file a reviewer edits, then run openapi-generator's
 * independent validator. Fails on any error or warning.
 *
 * Usage: npm run lint [-- path/to/openapi.yaml]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderBundledSpec, SPEC_ROOT, BUNDLED_SPEC } from './bundle-spec.js';
import { createSourceLocator } from './lint/source-location.js';
import { lintSpecText, type LintFinding } from './lint/spectral.js';
import { validateSpec } from './openapi-generator.js';
import { SpecSourceError } from './spec/source-error.js';

export interface LintReport {
  findings: (LintFinding & { sourceFile: string; sourceLine: number })[];
  generatorOk: boolean;
  generatorOutput: string;
}

/** Lints the split spec rooted at `rootFile`; throws SpecSourceError when it cannot even be bundled. */
export async function lintSpec(rootFile: string): Promise<LintReport> {
  const bundledText = renderBundledSpec(rootFile);
  const locate = createSourceLocator(rootFile);
  const findings = (await lintSpecText(bundledText, BUNDLED_SPEC)).map((finding) => {
    const { file, line } = locate(finding.jsonPath);
    return { ...finding, sourceFile: file, sourceLine: line };
  });
  const workDir = mkdtempSync(join(tmpdir(), 'pc-cart-lint-'));
  try {
    const bundledFile = join(workDir, 'openapi.json');
    writeFileSync(bundledFile, bundledText);
    const generator = await validateSpec(bundledFile);
    return { findings, generatorOk: generator.ok, generatorOutput: generator.output.trim() };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rootFile = resolve(process.argv[2] ?? SPEC_ROOT);
  let report: LintReport;
  try {
    report = await lintSpec(rootFile);
  } catch (error) {
    if (!(error instanceof SpecSourceError)) throw error;
    console.error(
      `error: ${error.message}\nThe spec could not be read, so nothing was linted. Fix the file above and run npm run lint again.`,
    );
    process.exitCode = 1;
    return;
  }
  for (const finding of report.findings) {
    console.log(`${finding.sourceFile}:${finding.sourceLine} ${finding.severity} ${finding.rule}: ${finding.message} (at ${finding.path})`);
  }
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  console.log(`spectral: ${errors} errors, ${warnings} warnings`);
  console.log(`openapi-generator validate: ${report.generatorOk ? 'ok' : 'failed'}`);
  if (!report.generatorOk) console.log(report.generatorOutput);
  if (errors + warnings > 0 || !report.generatorOk) {
    console.error('The lint gate failed: fix the findings above (each names the file and line to edit).');
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
