import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');
const tsx = join(projectRoot, 'node_modules/.bin/tsx');
const copies: string[] = [];

/** A throw-away copy of openapi/ with one file edited, so the real spec is never touched. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-cart-bad-spec-'));
  copies.push(dir);
  cpSync(join(projectRoot, 'openapi'), dir, { recursive: true });
  const target = join(dir, file);
  const original = readFileSync(target, 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  writeFileSync(target, edited);
  return join(dir, 'openapi.yaml');
}

function run(script: string, rootFile: string): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(tsx, [join(projectRoot, 'scripts', script), rootFile, join(tmpdir(), 'pc-cart-unused.json')], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each(['lint.ts', 'bundle-spec.ts'])('%s on a broken spec', (script) => {
  it('names the file and line of a $ref to a missing file, without a stack trace', () => {
    const root = brokenCopy('paths/customer-cart.yaml', (text) => text.replace('../schemas/CartUpdate.yaml', '../schemas/CartUpdat.yaml'));
    const lines = readFileSync(join(root, '..', 'paths/customer-cart.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('CartUpdat.yaml')) + 1;
    const result = run(script, root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`paths/customer-cart.yaml:${line}:`);
    expect(result.stderr).toContain('CartUpdat.yaml');
    expect(result.stderr).toContain('does not exist');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('names the file and line of invalid YAML, without a stack trace', () => {
    const root = brokenCopy('schemas/RenewsTo.yaml', (text) => text.replace('properties:\n', 'properties:\n  - [unclosed\n'));
    const result = run(script, root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/schemas\/RenewsTo\.yaml:1[0-9]:\d+: invalid YAML/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
