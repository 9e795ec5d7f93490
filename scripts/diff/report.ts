/**
 * The differ's report: the changes judged from the consumer's side, each located at its source line, the verdict
 * (breaking changes need a major version bump), and the Markdown pull-request comment written from it.
 */
import type { SourceLocation } from '../lint/source-location.js';
import { sourceLink } from '../review/source-link.js';
import type { Change } from './change.js';
import { breakingReason } from './reasons.js';
import type { ReportedChange } from './source-lines.js';
import { isMajorBump } from './version.js';

/** A change with where to edit it (file and line in openapi/) and, when it breaks, why it breaks a consumer. */
export type LocatedChange = ReportedChange & { file?: string; line?: number; reason?: string };

export interface DiffReport {
  base: { ref: string; version: string };
  head: { ref: string; version: string };
  majorBump: boolean;
  breaking: LocatedChange[];
  nonBreaking: LocatedChange[];
  /** True when the change set may ship as it is: nothing breaking, or a major version bump. */
  ok: boolean;
}

export function buildReport(
  base: DiffReport['base'],
  head: DiffReport['head'],
  changes: Change[],
  locate?: (change: ReportedChange) => SourceLocation,
): DiffReport {
  const located = (change: ReportedChange): LocatedChange => {
    const where = locate?.(change);
    const reason = change.severity === 'breaking' ? { reason: breakingReason(change.rule, change.category) } : {};
    return where ? { ...change, file: where.file, line: where.line, ...reason } : { ...change, ...reason };
  };
  const breaking = changes.filter((change) => change.severity === 'breaking').map(located);
  const majorBump = isMajorBump(base.version, head.version);
  return {
    base,
    head,
    majorBump,
    breaking,
    nonBreaking: changes.filter((change) => change.severity === 'non-breaking').map(located),
    ok: breaking.length === 0 || majorBump,
  };
}

/** The differ's rule, then the oasdiff check id it mirrors and its category, for looking the check up. */
function checkName(change: LocatedChange): string {
  return `\`${change.rule}\` (oasdiff \`${change.id}\`, ${change.category})`;
}

function changeLine(change: LocatedChange): string {
  const where = change.file && change.line ? ` ([${change.file}:${change.line}](${sourceLink(change.file, change.line)}))` : '';
  const why = change.reason ? `\n  *Why it breaks:* ${change.reason}` : '';
  return `- ${change.location}: ${change.message} ${checkName(change)}${where}${why}`;
}

function section(title: string, changes: LocatedChange[]): string[] {
  if (changes.length === 0) return [];
  const lines = [`## ${title} (${changes.length})`, ''];
  let operation = '';
  for (const change of changes) {
    if (change.operation !== operation) {
      if (operation) lines.push('');
      operation = change.operation;
      lines.push(`### ${operation}`);
    }
    lines.push(changeLine(change));
  }
  return [...lines, ''];
}

export function verdict(report: DiffReport): string {
  const count = report.breaking.length;
  const versions = `${report.base.version} → ${report.head.version}`;
  if (count === 0) return `Result: no breaking changes (${versions}).`;
  if (report.majorBump) return `Result: ${count} breaking change(s), allowed by the major version bump (${versions}).`;
  return (
    `Result: ${count} breaking change(s) without a major version bump (${versions}). ` +
    'Make the changes compatible, or bump the major number of info.version in openapi/openapi.yaml (and package.json).'
  );
}

/** A ready pull-request comment: the one-line verdict first, then breaking changes (with why), then the rest. */
export function formatMarkdown(report: DiffReport): string {
  const mark = report.ok ? (report.breaking.length > 0 ? '⚠️' : '✅') : '❌';
  const lines = [
    `# Contract changes: ${report.base.ref} (${report.base.version}) → ${report.head.ref} (${report.head.version})`,
    '',
    `${mark} ${verdict(report)}`,
    '',
    ...section('Breaking', report.breaking),
    ...section('Non-breaking', report.nonBreaking),
  ];
  if (report.breaking.length === 0 && report.nonBreaking.length === 0) lines.push('No contract changes.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
