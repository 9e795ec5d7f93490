/**
 * JUnit XML, which CI systems show as a test report: one test suite per tool, one test case per finding. A blocking
 * finding is a failure; a note or an allowed change is a passing case with its message as output. A clean review is
 * one passing case, so the report never looks empty.
 */
import type { Finding, Review } from './review.js';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function testCase(finding: Finding): string {
  const name = xml(`${finding.ruleId} at ${finding.file}:${finding.line}`);
  const open = `    <testcase classname="${xml(finding.source)}" name="${name}" file="${xml(finding.file)}" line="${finding.line}">`;
  const text = xml(`${finding.file}:${finding.line} ${finding.message}${finding.help ? ` ${finding.help}` : ''}`);
  const body = finding.blocking
    ? `      <failure type="${finding.level}" message="${xml(finding.message)}">${text}</failure>`
    : `      <system-out>${text}</system-out>`;
  return [open, body, '    </testcase>'].join('\n');
}

function suite(name: string, findings: Finding[], passing: string): string {
  const failures = findings.filter((finding) => finding.blocking).length;
  const cases = findings.length > 0 ? findings.map(testCase) : [`    <testcase classname="${xml(name)}" name="${xml(passing)}"/>`];
  const tests = Math.max(findings.length, 1);
  return [
    `  <testsuite name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

export function renderJunit(review: Review): string {
  const bySource = new Map<string, Finding[]>();
  for (const finding of review.findings) bySource.set(finding.source, [...(bySource.get(finding.source) ?? []), finding]);
  const suites =
    bySource.size === 0 ? [suite(review.tool, [], review.verdict)] : [...bySource].map(([name, found]) => suite(name, found, ''));
  const tests = Math.max(review.findings.length, 1);
  const failures = review.findings.filter((finding) => finding.blocking).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(review.tool)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
