import type { Coverage } from './coverage.js';
import { jsonPointerOf } from './finding.js';
import { locationOf } from './format-text.js';
import { errorCount, type VerifyReport, warningCount } from './report.js';

/** The machine-readable report: one document, findings flattened with their file and location. */
export function formatJson(report: VerifyReport, coverage: Coverage | undefined): string {
  return JSON.stringify(
    {
      tool: 'partner-center-cart-verify',
      exitCode: report.exitCode,
      files: report.files.map((file) => ({
        file: file.file,
        format: file.format,
        unit: file.unit,
        exchanges: file.verdicts.length,
        errors: errorCount(file),
        warnings: warningCount(file),
        unusable: file.unusable ?? null,
        notes: file.notes,
        findings: file.verdicts.flatMap((verdict) =>
          verdict.findings.map((finding) => ({
            location: locationOf(file.unit, finding),
            index: finding.index,
            where: finding.where,
            part: finding.part,
            path: finding.path,
            // The body's JSON pointer; header and parameter names have none.
            pointer: finding.part === 'body' ? jsonPointerOf(finding.path) : null,
            rule: finding.rule,
            value: finding.value,
            severity: finding.severity,
            message: finding.message,
            method: verdict.method,
            requestPath: verdict.path,
            status: verdict.status,
            operationId: verdict.operationId ?? null,
          })),
        ),
      })),
      ...(coverage === undefined ? {} : { coverage }),
    },
    null,
    2,
  );
}
