import type { ContractOperation } from './contract.js';
import type { VerifyReport } from './report.js';

/*
 * `--coverage`: which operations, declared statuses and named scenarios (the spec's named examples of each
 * status) the traffic exercised. A scenario counts as seen when an exchange asked for it by name: Prism's
 * `Prefer: example=<name>`, or a Pact interaction whose description or provider state is the name.
 */

export interface StatusCoverage {
  readonly status: string;
  readonly exchanges: number;
  readonly scenariosSeen: readonly string[];
  readonly scenariosNotSeen: readonly string[];
}

export interface OperationCoverage {
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly exchanges: number;
  readonly statuses: readonly StatusCoverage[];
}

export interface Coverage {
  readonly operations: readonly OperationCoverage[];
  /** Exchanges that matched no operation of the contract. */
  readonly outsideContract: number;
}

export function coverageOf(report: VerifyReport, operations: readonly ContractOperation[]): Coverage {
  const verdicts = report.files.flatMap((file) => file.verdicts);
  return {
    operations: operations.map((operation) => {
      const mine = verdicts.filter((verdict) => verdict.operationId === operation.operationId);
      return {
        operationId: operation.operationId,
        method: operation.method,
        pathTemplate: operation.pathTemplate,
        exchanges: mine.length,
        statuses: operation.statuses.map((status) => {
          const atStatus = mine.filter((verdict) => verdict.declaredStatus === status);
          const seen = new Set(atStatus.flatMap((verdict) => verdict.scenarios));
          const all = operation.scenarios.get(status) ?? [];
          return {
            status,
            exchanges: atStatus.length,
            scenariosSeen: all.filter((name) => seen.has(name)),
            scenariosNotSeen: all.filter((name) => !seen.has(name)),
          };
        }),
      };
    }),
    outsideContract: verdicts.filter((verdict) => verdict.operationId === undefined).length,
  };
}

/** The coverage as a table for people. */
export function coverageText(coverage: Coverage): string {
  const lines = ['Coverage (operation, status: exchanges seen; named scenarios seen / not seen):'];
  for (const operation of coverage.operations) {
    lines.push(
      `  ${operation.operationId} (${operation.method} ${operation.pathTemplate}): ${operation.exchanges} exchange${operation.exchanges === 1 ? '' : 's'}`,
    );
    for (const status of operation.statuses) {
      const mark = status.exchanges > 0 ? 'seen    ' : 'not seen';
      const scenarios =
        status.scenariosSeen.length + status.scenariosNotSeen.length === 0
          ? ''
          : `; scenarios seen: ${status.scenariosSeen.join(', ') || '-'}; not seen: ${status.scenariosNotSeen.join(', ') || '-'}`;
      lines.push(`    ${status.status.padEnd(7)} ${mark} ${String(status.exchanges).padStart(3)}${scenarios}`);
    }
  }
  const declared = coverage.operations.flatMap((operation) => operation.statuses);
  const seen = declared.filter((status) => status.exchanges > 0).length;
  lines.push(
    `  ${seen} of ${declared.length} declared operation statuses seen; ${coverage.outsideContract} exchange(s) outside the contract`,
  );
  return lines.join('\n');
}
