/**
 * JUnit XML, which CI systems show as a test report: one test suite per tool, one test case per finding. A blocking
 * finding is a failure; a note or an allowed change is a passing case with its message as output. A clean review is
 * one passing case, so the report never looks empty.
 */
import { escapeXml } from '../../src/verify/escape-output.js';
import type { Finding, Review } from './review.js';

function testCase(finding: Finding): string {
  const name = escapeXml(`${finding.ruleId} at ${finding.file}:${finding.line}`);
  const open = `    <testcase classname="${escapeXml(finding.source)}" name="${name}" file="${escapeXml(finding.file)}" line="${finding.line}">`;
  const text = escapeXml(`${finding.file}:${finding.line} ${finding.message}${finding.help ? ` ${finding.help}` : ''}`);
  const body = finding.blocking
    ? `      <failure type="${finding.level}" message="${escapeXml(finding.message)}">${text}</failure>`
    : `      <system-out>${text}</system-out>`;
  return [open, body, '    </testcase>'].join('\n');
}

function suite(name: string, findings: Finding[], passing: string): string {
  const failures = findings.filter((finding) => finding.blocking).length;
  const cases =
    findings.length > 0 ? findings.map(testCase) : [`    <testcase classname="${escapeXml(name)}" name="${escapeXml(passing)}"/>`];
  const tests = Math.max(findings.length, 1);
  return [
    `  <testsuite name="${escapeXml(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
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
    `<testsuites name="${escapeXml(review.tool)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
