import { type Finding, jsonPointerOf } from './finding.js';
import type { FileReport, VerifyReport } from './report.js';

/*
 * SARIF 2.1.0, for code scanning dashboards: one result per finding, located in the traffic file (physical) and at
 * the exchange and JSON path inside it (logical, e.g. `entries[2].response.body.lineItems[0].quantity`).
 */

const RULE_TEXT: Readonly<Record<string, string>> = {
  'undeclared-operation': 'The exchange is not an operation of the contract.',
  'undeclared-status': 'The response status is not declared for the operation.',
  'missing-request-id': 'The request carries no MS-RequestId.',
  'always-sent': 'A header the service always sends is missing.',
  security: 'The request is not authorised the way the contract requires.',
  'content-type': 'The body is not sent as application/json.',
  json: 'The body is not JSON.',
};

function ruleDescription(rule: string): string {
  return RULE_TEXT[rule] ?? `A value breaks the schema keyword "${rule}".`;
}

function artifactUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/'));
}

function logicalName(file: FileReport, finding: Finding): string {
  const collection = file.unit === 'entry' ? 'entries' : 'interactions';
  const part = finding.part === 'operation' ? 'line' : finding.part;
  const path =
    finding.path === ''
      ? ''
      : finding.part === 'header' || finding.part === 'path'
        ? `[${JSON.stringify(finding.path)}]`
        : finding.path.startsWith('[')
          ? finding.path
          : `.${finding.path}`;
  return `${collection}[${finding.index}].${finding.where}.${part}${path}`;
}

export function formatSarif(report: VerifyReport, version: string): string {
  const findings = report.files.flatMap((file) =>
    file.verdicts.flatMap((verdict) => verdict.findings.map((finding) => ({ file, finding }))),
  );
  const rules = [...new Set(findings.map(({ finding }) => finding.rule))].sort();
  const results = findings.map(({ file, finding }) => ({
    ruleId: finding.rule,
    ruleIndex: rules.indexOf(finding.rule),
    level: finding.severity,
    message: {
      text: `${file.unit} ${finding.index}: ${finding.where} ${finding.part}${finding.path === '' ? '' : ` ${finding.path}`}: ${finding.message}`,
    },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: artifactUri(file.file) } },
        logicalLocations: [{ fullyQualifiedName: logicalName(file, finding), kind: 'member' }],
      },
    ],
    properties: {
      index: finding.index,
      unit: file.unit,
      where: finding.where,
      part: finding.part,
      path: finding.path,
      ...(finding.part === 'body' ? { pointer: jsonPointerOf(finding.path) } : {}),
      value: finding.value,
    },
  }));
  const unusable = report.files.filter((file) => file.unusable !== undefined);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'partner-center-cart-verify',
            version,
            informationUri: 'https://www.npmjs.com/package/partner-center-cart-contract',
            rules: rules.map((rule) => ({ id: rule, shortDescription: { text: ruleDescription(rule) } })),
          },
        },
        invocations: [
          {
            executionSuccessful: unusable.length === 0,
            exitCode: report.exitCode,
            toolExecutionNotifications: unusable.map((file) => ({
              level: 'error',
              message: { text: file.unusable ?? '' },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file.file) } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
