/**
 * The spec gate's three linters on one spec, as one review: Spectral with the house rules (on the bundle, findings
 * mapped back to the YAML a reviewer edits), Redocly's recommended rules (on the YAML itself) and openapi-generator's
 * validator. Every error and warning fails the gate; Spectral's info and hint findings are notes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderBundledSpec } from '../bundle-spec.js';
import { validateSpec } from '../openapi-generator.js';
import { BUNDLED_SPEC } from '../paths.js';
import type { Finding, Level, Review } from '../review/review.js';
import { displayPath } from '../spec/load-yaml.js';
import { lintWithRedocly } from './redocly.js';
import { createSourceLocator } from './source-location.js';
import { lintSpecText, type Severity } from './spectral.js';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

async function spectralFindings(rootFile: string, bundledText: string): Promise<Finding[]> {
  const locate = createSourceLocator(rootFile);
  return (await lintSpecText(bundledText, BUNDLED_SPEC)).map((finding) => {
    const { file, line } = locate(finding.jsonPath);
    const level = LEVEL[finding.severity];
    return { source: 'spectral', ruleId: finding.rule, level, message: finding.message, file, line, blocking: level !== 'note' };
  });
}

async function generatorFindings(rootFile: string, bundledText: string): Promise<Finding[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'pc-cart-lint-'));
  try {
    const bundledFile = join(workDir, 'openapi.json');
    writeFileSync(bundledFile, bundledText);
    const { ok, output } = await validateSpec(bundledFile);
    if (ok) return [];
    // The validator names no lines; its report is about the document, so it points at the root file.
    const file = displayPath(rootFile);
    return [{ source: 'openapi-generator', ruleId: 'validate', level: 'error', message: output.trim(), file, line: 1, blocking: true }];
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Lints the split spec rooted at `rootFile`; throws SpecSourceError (file:line) when it cannot even be bundled. */
export async function lintSpec(rootFile: string): Promise<Review> {
  const bundledText = renderBundledSpec(rootFile);
  const findings = [
    ...(await spectralFindings(rootFile, bundledText)),
    ...(await lintWithRedocly(rootFile)),
    ...(await generatorFindings(rootFile, bundledText)),
  ];
  const blocking = findings.filter((finding) => finding.blocking).length;
  const verdict =
    blocking === 0
      ? `The spec gate passed: Spectral, Redocly and openapi-generator found nothing to fix.`
      : `The spec gate failed: ${blocking} finding(s) to fix, each naming the file and line to edit.`;
  return { tool: 'lint:spec', findings, verdict, ok: blocking === 0 };
}
