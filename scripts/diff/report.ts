import type { Change } from './change.js';
import { isMajorBump } from './version.js';

export interface DiffReport {
  base: { ref: string; version: string };
  head: { ref: string; version: string };
  majorBump: boolean;
  breaking: Change[];
  nonBreaking: Change[];
  /** True when the change set may ship as it is: nothing breaking, or a major version bump. */
  ok: boolean;
}

export function buildReport(base: DiffReport['base'], head: DiffReport['head'], changes: Change[]): DiffReport {
  const breaking = changes.filter((change) => change.severity === 'breaking');
  const majorBump = isMajorBump(base.version, head.version);
  return {
    base,
    head,
    majorBump,
    breaking,
    nonBreaking: changes.filter((change) => change.severity === 'non-breaking'),
    ok: breaking.length === 0 || majorBump,
  };
}

function section(title: string, changes: Change[]): string[] {
  if (changes.length === 0) return [];
  const lines = [`## ${title} (${changes.length})`, ''];
  let operation = '';
  for (const change of changes) {
    if (change.operation !== operation) {
      if (operation) lines.push('');
      operation = change.operation;
      lines.push(`### ${operation}`);
    }
    lines.push(`- ${change.location}: ${change.message} \`${change.rule}\``);
  }
  return [...lines, ''];
}

function verdict(report: DiffReport): string {
  const count = report.breaking.length;
  const versions = `${report.base.version} → ${report.head.version}`;
  if (count === 0) return `Result: no breaking changes (${versions}).`;
  if (report.majorBump) return `Result: ${count} breaking change(s), allowed by the major version bump (${versions}).`;
  return (
    `Result: ${count} breaking change(s) without a major version bump (${versions}). ` +
    'Make the changes compatible, or bump the major number of info.version in openapi/openapi.yaml (and package.json).'
  );
}

/** A Markdown report a reviewer reads and a CHANGELOG entry can be written from. */
export function formatMarkdown(report: DiffReport): string {
  const lines = [
    `# Contract changes: ${report.base.ref} (${report.base.version}) → ${report.head.ref} (${report.head.version})`,
    '',
    ...section('Breaking', report.breaking),
    ...section('Non-breaking', report.nonBreaking),
  ];
  if (report.breaking.length === 0 && report.nonBreaking.length === 0) lines.push('No contract changes.', '');
  lines.push(verdict(report));
  return `${lines.join('\n')}\n`;
}
