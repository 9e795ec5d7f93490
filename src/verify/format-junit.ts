import { escapeXml, printable } from './escape-output.js';
import type { ExchangeVerdict } from './finding.js';
import { findingLine } from './format-text.js';
import { errorCount, type FileReport, type VerifyReport } from './report.js';

/*
 * JUnit XML as CI servers read it (the Ant schema: testsuites > testsuite with properties, testcases, system-out and
 * system-err): one suite per file, one test case per exchange, a failure when the exchange broke the contract and
 * an error when the file could not be read. Warnings go to system-out.
 */

/** An xs:token: no line breaks, tabs or runs of spaces. */
function token(text: string): string {
  return escapeXml(text.replace(/\s+/g, ' ').trim());
}

function testCase(file: FileReport, verdict: ExchangeVerdict): string {
  const name = token(`${file.unit} ${verdict.index}: ${verdict.method} ${verdict.pathTemplate ?? verdict.path} -> ${verdict.status}`);
  const errors = verdict.findings.filter((finding) => finding.severity === 'error');
  const open = `    <testcase name="${name}" classname="${token(file.file)}" time="0"`;
  if (errors.length === 0) return `${open}/>`;
  const rules = [...new Set(errors.map((finding) => finding.rule))].join(' ');
  const detail = errors.map((finding) => findingLine(file, finding)).join('\n');
  return `${open}>\n      <failure message="${escapeXml(printable(errors[0]?.message ?? ''))}" type="${escapeXml(rules)}">${escapeXml(detail)}</failure>\n    </testcase>`;
}

function suite(file: FileReport, id: number, timestamp: string): string {
  const warnings = file.verdicts.flatMap((verdict) =>
    verdict.findings.filter((finding) => finding.severity === 'warning').map((finding) => findingLine(file, finding)),
  );
  const cases =
    file.unusable === undefined
      ? file.verdicts.map((verdict) => testCase(file, verdict))
      : [
          `    <testcase name="read ${token(file.file)}" classname="${token(file.file)}" time="0">\n      <error message="${escapeXml(printable(file.unusable))}" type="unusable-input">${escapeXml(file.unusable)}</error>\n    </testcase>`,
        ];
  const failures = file.verdicts.filter((verdict) => verdict.findings.some((finding) => finding.severity === 'error')).length;
  const attributes = [
    `name="${token(file.file)}"`,
    `package="partner-center-cart-verify"`,
    `id="${id}"`,
    `timestamp="${timestamp}"`,
    `hostname="localhost"`,
    `tests="${cases.length}"`,
    `failures="${failures}"`,
    `errors="${file.unusable === undefined ? 0 : 1}"`,
    `time="0"`,
  ].join(' ');
  return [
    `  <testsuite ${attributes}>`,
    '    <properties>',
    `      <property name="format" value="${escapeXml(file.format)}"/>`,
    `      <property name="errors-found" value="${errorCount(file)}"/>`,
    '    </properties>',
    ...cases,
    `    <system-out>${escapeXml([...file.notes, ...warnings].join('\n'))}</system-out>`,
    '    <system-err></system-err>',
    '  </testsuite>',
  ].join('\n');
}

export function formatJunit(report: VerifyReport, now: Date = new Date()): string {
  // The schema's timestamp has no zone; it is UTC.
  const timestamp = now.toISOString().slice(0, 19);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites>',
    ...report.files.map((file, id) => suite(file, id, timestamp)),
    '</testsuites>',
  ].join('\n');
}
