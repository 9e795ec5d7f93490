import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');
const copy = mkdtempSync(join(tmpdir(), 'pc-cart-drift-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run check:generated', () => {
  it('fails, naming the stale files, when the spec changes and generated/ is not regenerated', () => {
    cpSync(join(projectRoot, 'openapi'), join(copy, 'openapi'), { recursive: true });
    cpSync(join(projectRoot, 'generated'), join(copy, 'generated'), { recursive: true });
    const schemaFile = join(copy, 'openapi/schemas/RenewsTo.yaml');
    const original = readFileSync(schemaFile, 'utf8');
    const changed = original.replace('What the subscription renews to', 'What the subscription is renewed to');
    expect(changed).not.toBe(original);
    writeFileSync(schemaFile, changed);

    const result = spawnSync(
      join(projectRoot, 'node_modules/.bin/tsx'),
      [join(projectRoot, 'scripts/check-generated.ts'), '--project', copy],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );

    expect(result.status).toBe(1);
    // The description reaches the bundle, the generated types, the reference page and the SDKs' models and docs.
    for (const stale of [
      'generated/openapi.json',
      'generated/schema.ts',
      'generated/reference.html',
      'generated/sdks/python/docs/RenewsTo.md',
    ]) {
      expect(result.stderr).toContain(stale);
    }
    expect(result.stderr).toContain('Run `npm run build` and commit generated/.');
  });
});
