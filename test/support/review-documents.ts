import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

// ajv-draft-04 and ajv-formats are CommonJS; under NodeNext their default import is the module object.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;
const sarifSchema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
// strict: false because the schema uses draft-04 idioms Ajv's strict mode flags (it is the official file, unchanged).
const sarifAjv = new Ajv04({ allErrors: true, strict: false });
addFormats(sarifAjv);
const validateSarifLog = sarifAjv.compile(sarifSchema);

interface SarifLog {
  runs: {
    tool: { driver: { name: string } };
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

/** Parses stdout as one SARIF document and checks it against the official SARIF 2.1.0 schema. */
export function sarifFrom(stdout: string): SarifLog {
  const log: unknown = JSON.parse(stdout);
  const valid = validateSarifLog(log);
  expect(validateSarifLog.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log as SarifLog;
}

export interface JunitCase {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  '@_line'?: string;
  failure?: { '@_message': string; '#text': string };
  'system-out'?: string;
}

interface JunitReport {
  testsuites: {
    '@_tests': string;
    '@_failures': string;
    testsuite: { '@_name': string; '@_failures': string; testcase: JunitCase[] }[];
  };
}

/** Parses stdout as one JUnit XML document (well-formed, a <testsuites> root with suites and cases). */
export function junitFrom(stdout: string): JunitReport {
  expect(XMLValidator.validate(stdout)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' });
  const report = parser.parse(stdout) as JunitReport;
  expect(report.testsuites.testsuite.length).toBeGreaterThan(0);
  return report;
}

export const allCases = (report: JunitReport): JunitCase[] => report.testsuites.testsuite.flatMap((suite) => suite.testcase);
