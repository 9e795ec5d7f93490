/**
 * `npm run lint:spec`: the spec gate. Bundles openapi/ (a broken file or $ref is named by file and line), then runs
 * Spectral with the house rules, Redocly's recommended rules and openapi-generator's validator (scripts/lint/gate.ts).
 * Every finding points at the YAML file and line to edit. Exit code 1 on any error or warning.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lintSpec } from './lint/gate.js';
import { SPEC_ROOT } from './paths.js';
import { FORMATS, formatFrom, renderReview } from './review/formats.js';
import { renderFindingsMarkdown } from './review/markdown.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run lint:spec -- [--format ${FORMATS.join('|')}] [path/to/openapi.yaml]`;

runMain(import.meta.url, USAGE, async (argv) => {
  const { values, positionals } = parseArgs({ args: argv, options: { format: { type: 'string' } }, allowPositionals: true });
  const format = formatFrom(values.format);
  const review = await lintSpec(resolve(positionals[0] ?? SPEC_ROOT));
  process.stdout.write(renderReview(format, review, { json: () => review, markdown: () => renderFindingsMarkdown(review) }));
  return review.ok ? 0 : 1;
});
