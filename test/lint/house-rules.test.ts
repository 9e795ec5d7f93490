import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderBundledSpec } from '../../scripts/bundle-spec.js';
import { SPEC_ROOT } from '../../scripts/paths.js';
import { houseRules } from '../../scripts/lint/ruleset.js';
import { lintSpecText } from '../../scripts/lint/spectral.js';
import { applyPatch, type PatchOperation } from '../support/json-patch.js';

interface Fixture {
  description: string;
  expect: string;
  patch: PatchOperation[];
}

const fixtureDir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, ...(parse(readFileSync(join(fixtureDir, name), 'utf8')) as Fixture) }));
const bundledText = renderBundledSpec(SPEC_ROOT);

/** Lints the real bundled spec with one fixture's patch applied: the fixture is the smallest change that breaks a rule. */
async function lintPatched(patch: readonly PatchOperation[]): Promise<string[]> {
  const document: unknown = JSON.parse(bundledText);
  applyPatch(document, patch);
  const findings = await lintSpecText(JSON.stringify(document, null, 2), 'generated/openapi.json');
  return [...new Set(findings.map((finding) => finding.rule))].sort();
}

describe('the lint gate', () => {
  it('passes the contract itself with no findings at all', async () => {
    expect(await lintPatched([])).toEqual([]);
  });

  it('has a failing fixture for every house rule', () => {
    const covered = new Set(fixtures.map((fixture) => fixture.expect));
    expect([...covered].sort()).toEqual(Object.keys(houseRules).sort());
  });

  it.each(fixtures)('$name: reports exactly $expect ($description)', async (fixture) => {
    expect(await lintPatched(fixture.patch)).toEqual([fixture.expect]);
  });
});
