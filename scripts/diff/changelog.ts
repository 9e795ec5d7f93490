/**
 * The CHANGELOG entry for the next version, written from the differ's report: breaking changes, additions, other
 * changes and deprecations, each under its Keep a Changelog heading. The entry goes right below `## Unreleased`.
 */
import type { DiffReport, LocatedChange } from './report.js';

const isDeprecation = (change: LocatedChange): boolean =>
  /deprecat|sunset/.test(`${change.rule} ${change.id ?? ''} ${change.category ?? ''}`);
const isAddition = (change: LocatedChange): boolean => /\.(added|added-required|value-added|allowed)$|^operation\.added$/.test(change.rule);

function entryLine(change: LocatedChange): string {
  return `- \`${change.operation}\` ${change.location}: ${change.message}.`;
}

function group(title: string, changes: LocatedChange[]): string[] {
  return changes.length === 0 ? [] : [`### ${title}`, '', ...changes.map(entryLine), ''];
}

/** The entry for `report.head.version`, dated `date` (YYYY-MM-DD). */
export function renderChangelogEntry(report: DiffReport, date: string): string {
  const deprecated = report.nonBreaking.filter(isDeprecation);
  const rest = report.nonBreaking.filter((change) => !isDeprecation(change));
  const lines = [
    `## ${report.head.version} - ${date}`,
    '',
    ...group('Breaking', report.breaking),
    ...group('Added', rest.filter(isAddition)),
    ...group(
      'Changed',
      rest.filter((change) => !isAddition(change)),
    ),
    ...group('Deprecated', deprecated),
  ];
  if (lines.length === 2) lines.push('No contract changes.', '');
  return lines.join('\n');
}

/**
 * The changelog with `entry` inserted below `## Unreleased`. Refuses (throws) when the file has no such heading or
 * already has a section for the version, so that running it twice never writes two entries.
 */
export function insertChangelogEntry(changelog: string, entry: string, version: string): string {
  if (new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?( |$)`, 'm').test(changelog)) {
    throw new Error(`CHANGELOG.md already has a section for ${version}. Edit it by hand, or bump info.version first.`);
  }
  const unreleased = /^## Unreleased[^\n]*\n/m.exec(changelog);
  if (!unreleased) throw new Error('CHANGELOG.md has no "## Unreleased" heading to write the entry below. Add one.');
  const at = unreleased.index + unreleased[0].length;
  return `${changelog.slice(0, at)}\n${entry}${changelog.slice(at)}`;
}
