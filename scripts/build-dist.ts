/**
 * `npm run compile` (and npm pack's prepack step): a clean dist/ from `tsc -p tsconfig.build.json`, plus the
 * generated validators. tsc neither emits a .js file that has a sibling .d.ts nor copies declaration files, so the Ajv
 * standalone validators (generated/validators.js and its hand-shaped .d.ts) are copied beside the compiled
 * generated/schema.js, where the compiled client imports them from.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATED_DIR, REPO_ROOT } from './paths.js';
import { runMain } from './run-main.js';

const GENERATED_JS = ['validators.js', 'validators.d.ts'];
const DIST = join(REPO_ROOT, 'dist');

runMain(import.meta.url, 'Usage: npm run compile', (argv) => {
  parseArgs({ args: argv });
  rmSync(DIST, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(REPO_ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  for (const name of GENERATED_JS) {
    const source = join(GENERATED_DIR, name);
    if (!existsSync(source)) throw new Error(`generated/${name} does not exist: run \`npm run generate\` first, then pack again.`);
    copyFileSync(source, join(DIST, 'generated', name));
  }
  console.log(`dist/ compiled; copied ${GENERATED_JS.map((name) => `generated/${name}`).join(', ')} into dist/generated/`);
  return 0;
});
