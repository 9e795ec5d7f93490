/**
 * `npm run bundle`: resolves the split spec (openapi/openapi.yaml and the files it references) into one JSON
 * document, generated/openapi.json, which every generator and the package's `./openapi.json` export read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_SPEC, SPEC_ROOT } from './paths.js';
import { runMain } from './run-main.js';
import { bundleSpec } from './spec/bundle.js';
import { displayPath } from './spec/load-yaml.js';

export { bundleSpec };

const GENERATED_BY = 'npm run bundle (scripts/bundle-spec.ts) from openapi/openapi.yaml. Do not edit; change openapi/ and run it again.';

/** The bundled spec as written to disk: a provenance note first, then the document. */
export function renderBundledSpec(rootFile: string): string {
  const document = { 'x-generated-by': GENERATED_BY, ...bundleSpec(rootFile) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function writeBundledSpec(rootFile: string, outFile: string): void {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, renderBundledSpec(rootFile));
}

runMain(import.meta.url, 'Usage: npm run bundle -- [path/to/openapi.yaml [out.json]]', (argv) => {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [rootFile = SPEC_ROOT, outFile = BUNDLED_SPEC] = positionals.map((path) => resolve(path));
  writeBundledSpec(rootFile, outFile);
  console.log(`bundled ${displayPath(rootFile)} -> ${displayPath(outFile)}`);
  return 0;
});
