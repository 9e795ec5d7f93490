import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../scripts/diff/report.js';

const projectRoot = resolve(import.meta.dirname, '../..');
const tsxCli = join(projectRoot, 'node_modules/tsx/dist/cli.mjs');
const diffScript = join(projectRoot, 'scripts/diff-spec.ts');

// A tiny split spec: the root references one path file and one schema file, like openapi/ does.
const rootYaml = (version: string): string => `openapi: 3.0.3
info:
  title: Diff CLI fixture
  version: ${version}
paths:
  /v1/carts/{cart-id}:
    $ref: paths/cart.yaml
components:
  schemas:
    Cart:
      $ref: schemas/Cart.yaml
`;
const pathYaml = `get:
  operationId: getCart
  parameters:
    - name: cart-id
      in: path
      required: true
      schema:
        type: string
  responses:
    '200':
      description: The cart.
      content:
        application/json:
          schema:
            $ref: ../schemas/Cart.yaml
`;
const cartYaml = (withStatus: boolean): string => `type: object
required: [id]
properties:
  id:
    type: string
${withStatus ? '  status:\n    type: string\n' : ''}`;

let repo: string;

function writeSpec(version: string, withStatus: boolean): void {
  mkdirSync(join(repo, 'openapi/paths'), { recursive: true });
  mkdirSync(join(repo, 'openapi/schemas'), { recursive: true });
  writeFileSync(join(repo, 'openapi/openapi.yaml'), rootYaml(version));
  writeFileSync(join(repo, 'openapi/paths/cart.yaml'), pathYaml);
  writeFileSync(join(repo, 'openapi/schemas/Cart.yaml'), cartYaml(withStatus));
}

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

function commit(message: string): void {
  git('add', 'openapi');
  git('-c', 'user.name=diff test', '-c', 'user.email=diff@test.invalid', 'commit', '-q', '-m', message);
}

function runDiffCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [tsxCli, diffScript, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'diff-cli-'));
  git('init', '-q', '-b', 'main');
  writeSpec('1.0.0', true);
  commit('Contract 1.0.0');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run diff against a real git repository', () => {
  it('without a tag compares with the previous commit and fails on a breaking change', () => {
    writeSpec('1.1.0', false);
    commit('Drop status from the cart');

    const { status, stdout } = runDiffCli();

    expect(stdout).toContain('# Contract changes: HEAD~1 (1.0.0) → working tree (1.1.0)');
    expect(stdout).toContain('### GET /v1/carts/{cart-id}');
    expect(stdout).toContain('- response 200 (application/json) status: field removed from the response `response.property.removed`');
    expect(stdout).toContain('1 breaking change(s) without a major version bump (1.0.0 → 1.1.0)');
    expect(status).toBe(1);
  });

  it('compares with the latest tag by default and lets a major bump through', () => {
    git('tag', 'v1.0.0');
    writeSpec('1.0.1', true);
    commit('Patch release');
    writeSpec('2.0.0', false);

    const { status, stdout } = runDiffCli();

    expect(stdout).toContain('# Contract changes: v1.0.0 (1.0.0) → working tree (2.0.0)');
    expect(stdout).toContain('1 breaking change(s), allowed by the major version bump (1.0.0 → 2.0.0)');
    expect(status).toBe(0);
  });

  it('takes an explicit ref and writes JSON with --json', () => {
    const first = git('rev-parse', 'HEAD');
    writeSpec('1.1.0', true);
    commit('Version only');
    writeSpec('1.1.0', false);

    const { status, stdout } = runDiffCli(first, '--json');
    const report = JSON.parse(stdout) as DiffReport;

    expect(report.base).toEqual({ ref: first, version: '1.0.0' });
    expect(report.breaking.map((change) => change.rule)).toEqual(['response.property.removed']);
    expect(report.ok).toBe(false);
    expect(status).toBe(1);
  });

  it('exits 0 with no breaking changes', () => {
    writeSpec('1.0.1', true);
    commit('Only the version changed');

    const { status, stdout } = runDiffCli('HEAD~1');

    expect(stdout).toContain('No contract changes.');
    expect(stdout).toContain('Result: no breaking changes (1.0.0 → 1.0.1).');
    expect(status).toBe(0);
  });

  it('names an unknown ref and what to do', () => {
    const { status, stderr } = runDiffCli('no-such-tag');

    expect(stderr).toContain('"no-such-tag" is not a commit, branch or tag');
    expect(status).toBe(2);
  });
});
