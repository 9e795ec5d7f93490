import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSpec } from '../bundle-spec.js';
import { SPEC_DIR_NAME, SPEC_ROOT_NAME } from '../paths.js';
import type { Json } from './json-pointer.js';

const git = (cwd: string, args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The ref to compare against when none is given: the latest tag, else the previous commit. */
export function defaultBaseRef(repoDir: string): string {
  try {
    return git(repoDir, ['describe', '--tags', '--abbrev=0']);
  } catch {
    try {
      git(repoDir, ['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}']);
      return 'HEAD~1';
    } catch {
      throw new Error('No tag and no previous commit to compare against. Pass a ref: npm run diff -- <git-ref>.');
    }
  }
}

/**
 * Bundles the spec as it was at `ref`: `git archive` exports only the spec folder of that commit
 * into a temporary directory, so the working tree is never touched.
 */
export function bundleSpecAtRef(repoDir: string, ref: string): Json {
  try {
    git(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new Error(`"${ref}" is not a commit, branch or tag in ${repoDir}. Check the ref (git log --oneline, git tag).`);
  }
  const exportDir = mkdtempSync(join(tmpdir(), 'spec-at-ref-'));
  try {
    try {
      execFileSync('sh', ['-c', 'git archive "$0" "$1" | tar -x -C "$2"', ref, SPEC_DIR_NAME, exportDir], {
        cwd: repoDir,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch {
      throw new Error(`${ref} has no ${SPEC_DIR_NAME}/ folder, so there is no spec to compare against. Pass an older or newer ref.`);
    }
    return bundleSpec(join(exportDir, SPEC_ROOT_NAME)) as Json;
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
  }
}
