/**
 * `npm run diff`: which contract changes break a consumer. Compares the spec at a git ref (default: the latest tag,
 * else HEAD~1) with the working tree's, judges every change from the consumer's side, and points each at its line in
 * openapi/. Exit code 1 when something breaks without a major version bump, 2 when it cannot compare.
 * With --changelog it also writes the CHANGELOG.md entry for the working tree's version (never for a breaking change
 * without a major bump).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSpec } from './bundle-spec.js';
import { insertChangelogEntry, renderChangelogEntry } from './diff/changelog.js';
import { compareOperations } from './diff/compare-operations.js';
import type { Json } from './diff/json-pointer.js';
import { buildReport, type DiffReport, formatMarkdown } from './diff/report.js';
import { diffReview } from './diff/review.js';
import { changeLocator } from './diff/source-lines.js';
import { bundleSpecAtRef, defaultBaseRef } from './diff/spec-at-ref.js';
import { specVersion } from './diff/version.js';
import { CHANGELOG_NAME, SPEC_ROOT_NAME } from './paths.js';
import { FORMATS, formatFrom, renderReview } from './review/formats.js';
import { runMain, UsageError } from './run-main.js';

const USAGE = `Usage: npm run diff -- [<git-ref>] [--format ${FORMATS.join('|')}] [--changelog]   (--json = --format json)`;

/** Compares `ref` (default: the latest tag, else HEAD~1) with the working tree of `repoDir`, a git work tree. */
export function diffAgainst(repoDir: string, ref = defaultBaseRef(repoDir)): DiffReport {
  const before = bundleSpecAtRef(repoDir, ref);
  const rootFile = join(repoDir, SPEC_ROOT_NAME);
  const after = bundleSpec(rootFile) as Json;
  const head = { ref: 'working tree', version: specVersion(after) };
  return buildReport({ ref, version: specVersion(before) }, head, compareOperations(before, after), changeLocator(rootFile));
}

function writeChangelog(repoDir: string, report: DiffReport): string {
  if (report.head.version === report.base.version) {
    throw new Error(`info.version is still ${report.head.version}, as at ${report.base.ref}. Bump it in openapi/openapi.yaml first.`);
  }
  const file = join(repoDir, CHANGELOG_NAME);
  const entry = renderChangelogEntry(report, new Date().toISOString().slice(0, 10));
  writeFileSync(file, insertChangelogEntry(readFileSync(file, 'utf8'), entry, report.head.version));
  return file;
}

runMain(import.meta.url, USAGE, (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { format: { type: 'string' }, json: { type: 'boolean' }, changelog: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new UsageError(`Expected at most one git ref, got: ${positionals.join(' ')}.`);
  if (values.json && values.format && values.format !== 'json') throw new UsageError('--json and --format disagree.');
  const format = values.json ? 'json' : formatFrom(values.format ?? 'markdown');
  const repoDir = process.cwd();
  const report = diffAgainst(repoDir, positionals[0]);
  process.stdout.write(renderReview(format, diffReview(report), { json: () => report, markdown: () => formatMarkdown(report) }));
  if (values.changelog) {
    if (!report.ok) {
      console.error('No CHANGELOG entry written: the change breaks consumers without a major version bump.');
      return 1;
    }
    console.error(`Wrote the ${report.head.version} entry into ${writeChangelog(repoDir, report)}.`);
  }
  return report.ok ? 0 : 1;
});
