// Breaking-change report: compares the spec at a git ref with the working tree's spec.
// Usage: npm run diff [-- <git-ref>] [--json]   (default ref: the latest tag, else HEAD~1)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleSpec, SPEC_ROOT } from './bundle-spec.js';
import { compareOperations } from './diff/compare-operations.js';
import type { Json } from './diff/json-pointer.js';
import { buildReport, formatMarkdown } from './diff/report.js';
import { bundleSpecAtRef, defaultBaseRef } from './diff/spec-at-ref.js';
import { specVersion } from './diff/version.js';

function parseArguments(argv: string[]): { ref: string | undefined; json: boolean } {
  const json = argv.includes('--json');
  const refs = argv.filter((argument) => argument !== '--json');
  if (refs.length > 1 || refs.some((argument) => argument.startsWith('-'))) {
    throw new Error(`Unexpected arguments: ${argv.join(' ')}. Usage: npm run diff -- [<git-ref>] [--json]`);
  }
  return { ref: refs[0], json };
}

/** Runs the comparison in `repoDir` (a git work tree holding openapi/) and returns the exit code. */
export function runDiff(repoDir: string, argv: string[], write: (text: string) => void): number {
  const { ref = defaultBaseRef(repoDir), json } = parseArguments(argv);
  const before = bundleSpecAtRef(repoDir, ref);
  const after = bundleSpec(resolve(repoDir, SPEC_ROOT)) as Json;
  const report = buildReport(
    { ref, version: specVersion(before) },
    { ref: 'working tree', version: specVersion(after) },
    compareOperations(before, after),
  );
  write(json ? `${JSON.stringify(report, null, 2)}\n` : formatMarkdown(report));
  return report.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = runDiff(process.cwd(), process.argv.slice(2), (text) => process.stdout.write(text));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
