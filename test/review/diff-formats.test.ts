import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../scripts/diff/report.js';
import { allCases, junitFrom, sarifFrom } from '../support/review-documents.js';

const projectRoot = resolve(import.meta.dirname, '../..');
const tsxCli = join(projectRoot, 'node_modules/tsx/dist/cli.mjs');
const CHANGELOG = '# Changelog\n\n## Unreleased\n\n## 1.0.0\n\n- The first contract.\n';

let repo: string;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

function edit(file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(repo, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

function diff(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [tsxCli, join(projectRoot, 'scripts/diff-spec.ts'), ...args], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Breaks the contract twice: a response field disappears (Cart.lastModifiedUser), a request constraint tightens. */
function breakTheContract(version: string): void {
  edit('openapi/openapi.yaml', 'version: 1.0.0', `version: ${version}`);
  edit('openapi/schemas/Cart.yaml', '  lastModifiedUser:\n', '  lastModifiedUserId:\n');
  edit('openapi/schemas/CartUpdate.yaml', 'minItems: 1', 'minItems: 2');
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'pc-cart-diff-formats-'));
  cpSync(join(projectRoot, 'openapi'), join(repo, 'openapi'), { recursive: true });
  writeFileSync(join(repo, 'CHANGELOG.md'), CHANGELOG);
  const version = /^ {2}version: (.+)$/m.exec(readFileSync(join(repo, 'openapi/openapi.yaml'), 'utf8'))?.[1];
  expect(version).toBe('1.0.0');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=diff test', '-c', 'user.email=diff@test.invalid', 'commit', '-q', '-m', 'Contract 1.0.0');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run diff --format', () => {
  it('renders every format from one comparison, with the same exit code, each change at its source line', () => {
    breakTheContract('1.1.0');
    const runs = Object.fromEntries(
      ['markdown', 'json', 'sarif', 'junit', 'github', 'text'].map((format) => [format, diff('HEAD', '--format', format)]),
    );
    for (const [format, run] of Object.entries(runs)) expect(run.status, format).toBe(1);
    const cartLine = lineOf('openapi/schemas/Cart.yaml', 'properties:');
    const lineItemsLine = lineOf('openapi/schemas/CartUpdate.yaml', '  lineItems:');

    const report = JSON.parse(runs.json?.stdout ?? '') as DiffReport;
    expect(report.breaking).toContainEqual(
      expect.objectContaining({ rule: 'request.constraint.tightened', file: 'openapi/schemas/CartUpdate.yaml', line: lineItemsLine }),
    );
    expect(report.breaking).toContainEqual(
      expect.objectContaining({ rule: 'response.property.removed', file: 'openapi/schemas/Cart.yaml', line: cartLine }),
    );

    const markdown = runs.markdown?.stdout.split('\n') ?? [];
    expect(markdown[2]).toMatch(/^❌ Result: 4 breaking change\(s\) without a major version bump \(1\.0\.0 → 1\.1\.0\)/);
    expect(markdown.indexOf('## Breaking (4)')).toBeLessThan(markdown.indexOf('## Non-breaking (3)'));
    expect(markdown).toContain(
      `- request body (application/json) lineItems: minItems 1 → 2 \`request.constraint.tightened\` (oasdiff \`request-property-min-items-increased\`, constraints) ([openapi/schemas/CartUpdate.yaml:${lineItemsLine}](openapi/schemas/CartUpdate.yaml#L${lineItemsLine}))`,
    );
    expect(markdown).toContain('  *Why it breaks:* Values the old contract accepted in requests are now refused.');
    expect(markdown).toContain('  *Why it breaks:* Clients that read this field now find it missing.');

    const sarif = sarifFrom(runs.sarif?.stdout ?? '');
    const results = sarif.runs.flatMap((run) => run.results);
    expect(results.filter((result) => result.level === 'error')).toHaveLength(4);
    expect(results.filter((result) => result.level === 'note')).toHaveLength(3);

    const junit = junitFrom(runs.junit?.stdout ?? '');
    expect(junit.testsuites['@_failures']).toBe('4');
    expect(allCases(junit).filter((testCase) => testCase['system-out'])).toHaveLength(3);

    expect(runs.github?.stdout).toContain(
      `::error file=openapi/schemas/CartUpdate.yaml,line=${lineItemsLine},title=diff request-property-min-items-increased::PUT /v1/customers/{customer-id}/carts/{cart-id} request body (application/json) lineItems: minItems 1 → 2`,
    );
    expect(runs.text?.stdout).toContain(`openapi/schemas/Cart.yaml:${cartLine} error diff/response-optional-property-removed: GET `);
  });

  it('refuses an unknown format with the usage and exit code 2', () => {
    const run = diff('HEAD', '--format', 'yaml');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format yaml is not one of text, json, markdown, sarif, junit, github.');
    expect(run.stdout).toBe('');
  });
});

describe('npm run diff -- --changelog', () => {
  it('writes the next version\'s entry below "## Unreleased", breaking changes first', () => {
    breakTheContract('2.0.0');
    const run = diff('HEAD', '--changelog', '--format', 'text');
    expect(run.status).toBe(0);
    const changelog = readFileSync(join(repo, 'CHANGELOG.md'), 'utf8');
    const entry = changelog.slice(changelog.indexOf('## 2.0.0 - '), changelog.indexOf('## 1.0.0'));
    expect(changelog.indexOf('## Unreleased')).toBeLessThan(changelog.indexOf('## 2.0.0 - '));
    expect(entry).toMatch(/^## 2\.0\.0 - \d{4}-\d{2}-\d{2}\n\n### Breaking\n\n/);
    expect(entry).toContain(
      '- `PUT /v1/customers/{customer-id}/carts/{cart-id}` request body (application/json) lineItems: minItems 1 → 2.',
    );
    expect(entry).toContain('### Added\n');
    expect(entry).toContain('response 200 (application/json) lastModifiedUserId: optional field added.');
    expect(diff('HEAD', '--changelog').status, 'a second run must not write a second entry').toBe(2);
  });

  it('refuses a breaking change without a major version bump and leaves CHANGELOG.md alone', () => {
    breakTheContract('1.1.0');
    const run = diff('HEAD', '--changelog');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No CHANGELOG entry written');
    expect(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8')).toBe(CHANGELOG);
  });
});
