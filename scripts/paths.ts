/** Well-known places in this repository, as absolute paths, so that no script works them out again. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The folder of the hand-written spec, relative to a repository root (the differ also reads it from git refs). */
export const SPEC_DIR_NAME = 'openapi';
/** The spec's root file, relative to a repository root. */
export const SPEC_ROOT_NAME = `${SPEC_DIR_NAME}/openapi.yaml`;
export const SPEC_ROOT = join(REPO_ROOT, SPEC_ROOT_NAME);
export const GENERATED_DIR = join(REPO_ROOT, 'generated');
/** The bundled spec, relative to a repository root: the name generated files and messages cite. */
export const BUNDLED_SPEC_NAME = 'generated/openapi.json';
export const BUNDLED_SPEC = join(REPO_ROOT, BUNDLED_SPEC_NAME);
export const SDK_DIR = join(GENERATED_DIR, 'sdks');
export const REFERENCE_PAGE = join(GENERATED_DIR, 'reference.html');
export const GENERATOR_CONFIG = join(REPO_ROOT, 'openapitools.json');
/** The changelog, relative to a repository root (the differ writes into the one of the repository it compares). */
export const CHANGELOG_NAME = 'CHANGELOG.md';
export const REDOCLY_CONFIG = join(REPO_ROOT, 'redocly.yaml');
