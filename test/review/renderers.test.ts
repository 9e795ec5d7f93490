import { describe, expect, it } from 'vitest';
import { renderReview } from '../../scripts/review/formats.js';
import type { Review } from '../../scripts/review/review.js';
import { sourceLink } from '../../scripts/review/source-link.js';
import { allCases, junitFrom, sarifFrom } from '../support/review-documents.js';

// A message with every character the formats must escape: newlines, %, :, commas, XML markup and quotes.
const hostile = 'line one\nline two: 100% <b>"bold"</b> & \'quoted\', done';
const review: Review = {
  tool: 'lint:spec',
  verdict: 'The spec gate failed: 1 finding(s) to fix.',
  ok: false,
  findings: [
    { source: 'spectral', ruleId: 'pc-rule', level: 'error', message: hostile, file: 'openapi/a,b:c.yaml', line: 7, blocking: true },
    {
      source: 'diff',
      ruleId: 'note-rule',
      level: 'note',
      message: 'just so you know',
      file: 'openapi/openapi.yaml',
      line: 1,
      blocking: false,
    },
  ],
};
const own = { json: () => review, markdown: () => '' };

describe('review renderers', () => {
  it('github: escapes data and properties as the runner expects, so one finding stays one annotation', () => {
    const lines = renderReview('github', review, own).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=openapi/a%2Cb%3Ac.yaml,line=7,title=spectral pc-rule::line one%0Aline two: 100%25 <b>"bold"</b> & \'quoted\', done',
      '::notice file=openapi/openapi.yaml,line=1,title=diff note-rule::just so you know',
      'The spec gate failed: 1 finding(s) to fix.',
    ]);
  });

  it('junit: hostile text survives a real XML parser; notes pass, blocking findings fail', () => {
    const report = junitFrom(renderReview('junit', review, own));
    const cases = allCases(report);
    expect(cases.find((testCase) => testCase.failure)?.failure?.['@_message']).toBe(hostile);
    expect(cases.find((testCase) => testCase['system-out'])?.['system-out']).toBe('openapi/openapi.yaml:1 just so you know');
    expect(report.testsuites['@_failures']).toBe('1');
  });

  it('sarif: schema-valid with the hostile message kept verbatim', () => {
    const log = sarifFrom(renderReview('sarif', review, own));
    expect(log.runs.map((run) => run.tool.driver.name)).toEqual(['spectral', 'diff']);
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region.startLine).toBe(7);
  });

  it('links source lines relative to the repository, or to the commit inside GitHub Actions', () => {
    expect(sourceLink('openapi/schemas/Cart.yaml', 12, {})).toBe('openapi/schemas/Cart.yaml#L12');
    const actions = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'owner/repo', GITHUB_SHA: 'abc123' };
    expect(sourceLink('openapi/schemas/Cart.yaml', 12, actions)).toBe(
      'https://github.com/owner/repo/blob/abc123/openapi/schemas/Cart.yaml#L12',
    );
  });
});
