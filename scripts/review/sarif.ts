/**
 * SARIF 2.1.0, the format GitHub code scanning and most IDEs read: one run per tool that produced findings (Spectral,
 * Redocly, the differ...), each result located at a source line relative to the repository root (%SRCROOT%).
 */
import type { Finding, Review } from './review.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function run(source: string, findings: Finding[]): object {
  const ruleIds = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  return {
    tool: { driver: { name: source, rules: ruleIds.map((id) => ({ id })) } },
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
    results: findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: finding.level,
      message: { text: finding.help ? `${finding.message} ${finding.help}` : finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: finding.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: finding.line },
          },
        },
      ],
    })),
  };
}

export function renderSarif(review: Review): string {
  const bySource = new Map<string, Finding[]>();
  for (const finding of review.findings) bySource.set(finding.source, [...(bySource.get(finding.source) ?? []), finding]);
  // A clean review still names the tool, so a code-scanning upload clears the alerts of an earlier run.
  const runs = bySource.size === 0 ? [run(review.tool, [])] : [...bySource].map(([source, findings]) => run(source, findings));
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs }, null, 2)}\n`;
}
