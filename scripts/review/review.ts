/**
 * What a review tool (the spec lint, the differ) reports, in a shape every output format can render: findings that
 * each point at a source line in openapi/, a verdict, and the exit code that goes with it.
 */
export type Level = 'error' | 'warning' | 'note';

export interface Finding {
  /** Which tool or linter produced it, e.g. `spectral`, `redocly`, `diff`. */
  source: string;
  ruleId: string;
  level: Level;
  message: string;
  /** Source file relative to the repository root, e.g. `openapi/schemas/Cart.yaml`. */
  file: string;
  /** 1-based line in `file`. */
  line: number;
  /** Why it matters or what to do, when the tool knows more than the message says. */
  help?: string;
  /** True when this finding by itself fails the command (exit code 1); false for notes and allowed changes. */
  blocking: boolean;
}

export interface Review {
  /** The command's name as shown in reports, e.g. `lint:spec`, `diff`. */
  tool: string;
  findings: Finding[];
  /** One line that says whether the change may go in, and why. */
  verdict: string;
  ok: boolean;
}
