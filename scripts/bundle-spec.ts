import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleSpec } from './spec/bundle.js';
import { SpecSourceError } from './spec/source-error.js';

export { bundleSpec };

export const SPEC_ROOT = 'openapi/openapi.yaml';
export const BUNDLED_SPEC = 'generated/openapi.json';
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rootArg = SPEC_ROOT, outArg = BUNDLED_SPEC] = process.argv.slice(2);
  try {
    writeBundledSpec(resolve(rootArg), resolve(outArg));
    console.log(`bundled ${rootArg} -> ${outArg}`);
  } catch (error) {
    if (!(error instanceof SpecSourceError)) throw error;
    console.error(`error: ${error.message}\nThe spec was not bundled; fix the file above and run npm run bundle again.`);
    process.exitCode = 1;
  }
}
