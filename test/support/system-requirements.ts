import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

/**
 * One rule for every suite that needs a toolchain from the operating system (Go, javac, mono, Python packages,
 * Chromium): when the toolchain is there the suite runs; when it is missing the suite fails under `CI=true` with the
 * exact install command (so CI can never go green without running it), and anywhere else it is skipped with the
 * reason printed and written into the skipped test's name (never a silent green).
 *
 * @example
 * const go = requireTool({
 *   name: 'Go with golang.org/x/oauth2',
 *   probes: [commandProbe('go', ['version']), fileProbe('/usr/share/gocode/src/golang.org/x/oauth2/oauth2.go')],
 *   install: 'apt-get install -y golang-go golang-golang-x-oauth2-dev',
 * });
 * describeWithTools([go], 'go SDK', () => { it('compiles', async () => { ... }) });
 */

/** Checks one thing a toolchain needs; returns why it is missing, or undefined when it is there. */
export type Probe = () => string | undefined;

export interface ToolRequirement {
  /** What the suite needs, as a reader would name it: `Go 1.19+ with golang.org/x/oauth2`. */
  name: string;
  /** Every probe must pass for the tool to count as available. */
  probes: readonly Probe[];
  /** The command that installs it on Debian, e.g. `apt-get install -y golang-go`. */
  install: string;
}

export interface ToolAvailability {
  name: string;
  install: string;
  available: boolean;
  /** Why it is missing (the first failing probe), empty when available. */
  missing: string;
}

/** Probe: `command args` runs and exits 0 within 30 s. */
export function commandProbe(command: string, args: readonly string[] = []): Probe {
  return () => {
    const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
    if (run.error) return `\`${[command, ...args].join(' ')}\` could not run (${run.error.message})`;
    if (run.status !== 0) {
      const detail = `${run.stderr}${run.stdout}`.trim().split('\n').slice(-1)[0] ?? '';
      return `\`${[command, ...args].join(' ')}\` exited with ${String(run.status)}${detail ? `: ${detail}` : ''}`;
    }
    return undefined;
  };
}

/** Probe: a file a package installs exists (a jar, a library's source, an assembly). */
export function fileProbe(path: string): Probe {
  return () => (existsSync(path) ? undefined : `${path} does not exist`);
}

/** Runs the probes now (at collection time, so `describe` can decide) and says whether the tool is there. */
export function requireTool(requirement: ToolRequirement): ToolAvailability {
  const missing = requirement.probes.map((probe) => probe()).find((reason) => reason !== undefined) ?? '';
  return { name: requirement.name, install: requirement.install, available: missing === '', missing };
}

const runningInCi = (): boolean => process.env.CI === 'true';

/** What to tell the reader: what is missing, why, and the command that installs it. */
export function missingToolMessage(tool: ToolAvailability): string {
  return `${tool.name} is missing (${tool.missing}). Install it with: ${tool.install}`;
}

/**
 * `describe(title, body)` when every tool is available. Otherwise, under `CI=true`, a suite whose one test fails
 * with the install command; elsewhere a suite whose one skipped test carries the reason, also printed once.
 */
export function describeWithTools(tools: readonly ToolAvailability[], title: string, body: () => void): void {
  const missing = tools.filter((tool) => !tool.available);
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const message = missing.map(missingToolMessage).join('\n');
  if (runningInCi()) {
    describe(title, () => {
      it('has the system toolchain it needs (CI=true: a missing toolchain is a failure, not a skip)', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`[skipped] ${title}: ${message}`);
  describe(title, () => {
    it.skip(`skipped: ${message}`, () => undefined);
  });
}
