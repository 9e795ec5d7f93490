/**
 * The second, independent linter of the spec gate: Redocly's `recommended` rules with example validation as errors,
 * configured in redocly.yaml at the repository root. It reads the split YAML files itself, so every finding already
 * names the source file and line a reviewer edits.
 */
import { getLineColLocation, lint, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import { REDOCLY_CONFIG } from '../paths.js';
import type { Finding } from '../review/review.js';
import { displayPath } from '../spec/load-yaml.js';

function toFinding(problem: NormalizedProblem): Finding {
  const location = problem.location[0];
  const where = location ? getLineColLocation(location) : undefined;
  const file = where ? displayPath(where.source.absoluteRef) : displayPath(REDOCLY_CONFIG);
  return {
    source: 'redocly',
    ruleId: problem.ruleId,
    // Every finding fails the gate; Redocly's own severity only decides how loud the annotation is.
    level: problem.severity === 'error' ? 'error' : 'warning',
    message: problem.message,
    file,
    line: where?.start.line ?? 1,
    ...(problem.suggest.length > 0 ? { help: `Did you mean: ${problem.suggest.join(', ')}?` } : {}),
    blocking: true,
  };
}

/** Lints the split spec rooted at `rootFile` (YAML files and their $refs, as the author wrote them). */
export async function lintWithRedocly(rootFile: string): Promise<Finding[]> {
  const problems = await lint({ ref: rootFile, config: await loadConfig({ configPath: REDOCLY_CONFIG }) });
  return problems.map(toFinding);
}
