/**
 * `npm run generate`: every file under generated/, from openapi/, in dependency order: the bundled spec, the client's
 * types and validators (scripts/generate.ts), the reference page, then the SDKs (Java needed). `npm run check:generated` runs these same
 * steps into a temporary folder, so the two can never disagree about what is generated.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReference } from './build-docs.js';
import { writeBundledSpec } from './bundle-spec.js';
import { generateInto } from './generate.js';
import { generateSdks } from './generate-sdks.js';
import { GENERATED_DIR, SPEC_ROOT } from './paths.js';
import { runMain } from './run-main.js';
import { displayPath } from './spec/load-yaml.js';

/** Regenerates everything from the spec rooted at `specRoot` into `outDir`, laid out as generated/ is. */
export async function generateAll(specRoot: string, outDir: string, log: (line: string) => void = () => {}): Promise<void> {
  const shown = (path: string): string => displayPath(resolve(outDir, path));
  const spec = join(outDir, 'openapi.json');
  writeBundledSpec(specRoot, spec);
  log(`${shown(spec)} (bundled spec)`);
  const clientFiles = await generateInto(outDir, spec);
  log(`${clientFiles.map(shown).join(', ')} (client types and validators)`);
  const reference = await buildReference(spec, join(outDir, 'reference.html'));
  log(`${shown(reference)} (reference page)`);
  for (const sdk of await generateSdks(spec, join(outDir, 'sdks'))) {
    log(`${shown(sdk.outputDir)} (SDK, ${sdk.seconds.toFixed(1)} s)`);
    for (const { message, count } of sdk.warnings) log(`  warning${count > 1 ? ` (x${count})` : ''}: ${message}`);
  }
}

runMain(import.meta.url, 'Usage: npm run generate', async (argv) => {
  parseArgs({ args: argv });
  await generateAll(SPEC_ROOT, GENERATED_DIR, (line) => console.log(line));
  return 0;
});
