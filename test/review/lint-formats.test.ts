import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintSpec as runGate } from '../../scripts/lint/gate.js';
import { type Format, renderReview } from '../../scripts/review/formats.js';
import { renderFindingsMarkdown } from '../../scripts/review/markdown.js';
import type { Review } from '../../scripts/review/review.js';
import { allCases, junitFrom, sarifFrom } from '../support/review-documents.js';

const projectRoot = resolve(import.meta.dirname, '../..');
const tsxCli = join(projectRoot, 'node_modules/tsx/dist/cli.mjs');

let workDir: string;

function lineOf(file: string, text: string): number {
  const line =
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((candidate) => candidate.includes(text)) + 1;
  expect(line).toBeGreaterThan(0);
  return line;
}

/** Runs the real gate, with the copy's paths shown relative to the copy (its cwd), as they are in the repository. */
function lintCli(specDir: string, format: Format): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [tsxCli, join(projectRoot, 'scripts/lint.ts'), '--format', format, 'openapi/openapi.yaml'], {
    cwd: join(specDir, '..'),
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout };
}

// The contract, and a copy where CartUpdate.id is readOnly again: every request example that sends the id back then
// breaks Redocly's example validation, and the house rule pc-request-not-read-only fires on the schema.
let cleanDir: string;
let brokenDir: string;
const outputs = new Map<string, { status: number | null; stdout: string }>();

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'pc-cart-lint-formats-'));
  cleanDir = join(workDir, 'clean/openapi');
  brokenDir = join(workDir, 'broken/openapi');
  cpSync(join(projectRoot, 'openapi'), cleanDir, { recursive: true });
  cpSync(join(projectRoot, 'openapi'), brokenDir, { recursive: true });
  const schema = join(brokenDir, 'schemas/CartUpdate.yaml');
  const text = readFileSync(schema, 'utf8');
  const edited = text.replace('    format: uuid\n', '    format: uuid\n    readOnly: true\n');
  expect(edited).not.toBe(text);
  writeFileSync(schema, edited);
  // The command itself where stdout and the exit code matter; the other formats render the same review in process.
  for (const format of ['sarif', 'junit'] as const) outputs.set(`broken ${format}`, lintCli(brokenDir, format));
  outputs.set('clean github', lintCli(cleanDir, 'github'));
  const broken = await runGate(join(brokenDir, 'openapi.yaml'));
  const clean = await runGate(join(cleanDir, 'openapi.yaml'));
  const own = (review: Review) => ({ json: () => review, markdown: () => renderFindingsMarkdown(review) });
  for (const format of ['text', 'json', 'markdown', 'github'] as const) {
    outputs.set(`broken ${format}`, { status: null, stdout: renderReview(format, broken, own(broken)) });
  }
  for (const format of ['text', 'sarif', 'junit'] as const) {
    outputs.set(`clean ${format}`, { status: null, stdout: renderReview(format, clean, own(clean)) });
  }
}, 120_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const output = (key: string): { status: number | null; stdout: string } => {
  const found = outputs.get(key);
  if (!found) throw new Error(`no run for ${key}`);
  return found;
};

describe('npm run lint:spec --format', () => {
  it('exits 1 on the broken spec whatever the format, and 0 on the contract', () => {
    expect(output('broken sarif').status).toBe(1);
    expect(output('broken junit').status).toBe(1);
    expect(output('clean github').status).toBe(0);
    expect(output('clean github').stdout).toBe('The spec gate passed: Spectral, Redocly and openapi-generator found nothing to fix.\n');
  });

  it('json: the Redocly finding and the house rule agree, each at its source file and line', () => {
    const review = JSON.parse(output('broken json').stdout) as Review;
    const example = join(brokenDir, 'examples/UpdateCartRequest_Reservation.yaml');
    expect(review.ok).toBe(false);
    expect(review.findings).toContainEqual(
      expect.objectContaining({
        source: 'redocly',
        ruleId: 'no-invalid-media-type-examples',
        file: expect.stringMatching(/broken\/openapi\/examples\/UpdateCartRequest_Reservation\.yaml$/),
        line: lineOf(example, '  id: '),
        blocking: true,
      }),
    );
    expect(review.findings).toContainEqual(
      expect.objectContaining({
        source: 'spectral',
        ruleId: 'pc-request-not-read-only',
        file: expect.stringMatching(/broken\/openapi\/schemas\/CartUpdate\.yaml$/),
        line: lineOf(join(brokenDir, 'schemas/CartUpdate.yaml'), 'readOnly: true'),
      }),
    );
    // Four request examples send the id back.
    expect(review.findings.filter((finding) => finding.source === 'redocly')).toHaveLength(4);
  });

  it('sarif: validates against the SARIF 2.1.0 schema, one run per linter, results at source lines', () => {
    const log = sarifFrom(output('broken sarif').stdout);
    expect(log.runs.map((run) => run.tool.driver.name).sort()).toEqual(['redocly', 'spectral']);
    const uris = log.runs.flatMap((run) => run.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri));
    expect(uris).toContain('openapi/examples/UpdateCartRequest_AddonLineItem.yaml');
    expect(uris.every((uri) => uri?.startsWith('openapi/'))).toBe(true);
    const clean = sarifFrom(output('clean sarif').stdout);
    expect(clean.runs.flatMap((run) => run.results)).toEqual([]);
  });

  it('junit: parses as JUnit XML with one failing case per finding, and one passing case when clean', () => {
    const report = junitFrom(output('broken junit').stdout);
    const cases = allCases(report);
    expect(Number(report.testsuites['@_failures'])).toBe(5);
    expect(cases.filter((testCase) => testCase.failure)).toHaveLength(5);
    expect(cases.map((testCase) => testCase['@_file'])).toContain('openapi/schemas/CartUpdate.yaml');
    const clean = junitFrom(output('clean junit').stdout);
    expect(allCases(clean)).toHaveLength(1);
    expect(clean.testsuites['@_failures']).toBe('0');
  });

  it('github: one ::error annotation per finding on its source line, then the verdict', () => {
    const lines = output('broken github').stdout.trimEnd().split('\n');
    const line = lineOf(join(brokenDir, 'examples/UpdateCartRequest_Reservation.yaml'), '  id: ');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error file=[^,]*broken/openapi/examples/UpdateCartRequest_Reservation.yaml,line=${line},title=redocly no-invalid-media-type-examples::`,
        ),
      ),
    );
    expect(lines.filter((text) => text.startsWith('::error '))).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/^The spec gate failed: 5 finding/);
  });

  it('markdown and text: the verdict and a link or path to each source line', () => {
    const markdown = output('broken markdown').stdout;
    expect(markdown.split('\n')[0]).toMatch(/^\*\*lint:spec\*\*: The spec gate failed/);
    expect(markdown).toMatch(/\[[^\]]*openapi\/schemas\/CartUpdate\.yaml:\d+\]\([^)]*openapi\/schemas\/CartUpdate\.yaml#L\d+\)/);
    expect(output('broken text').stdout).toMatch(/openapi\/schemas\/CartUpdate\.yaml:\d+ error spectral\/pc-request-not-read-only: /);
    expect(output('clean text').stdout).toContain('The spec gate passed');
  });
});
