// One version number for the package and the contract it ships, with a CHANGELOG entry for it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Versioned {
  info: { version: string };
}

const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const bundledVersion = (JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as Versioned).info.version;
const sourceVersion = (parse(readFileSync('openapi/openapi.yaml', 'utf8')) as Versioned).info.version;
const changelog = readFileSync('CHANGELOG.md', 'utf8');

/** The versions CHANGELOG.md has a section for: `## 1.2.3`, `## [1.2.3]` or `## 1.2.3 - 2025-01-31`. */
function changelogVersions(text: string): string[] {
  return [...text.matchAll(/^## \[?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]?(?:\s|$)/gm)].map((match) => match[1] ?? '');
}

describe('versioning', () => {
  it('package.json version is a semantic version', () => {
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
  });

  it("package.json version equals the spec's info.version, in openapi/ and in the bundle", () => {
    expect({ bundle: bundledVersion, source: sourceVersion }).toEqual({ bundle: packageVersion, source: packageVersion });
  });

  it('CHANGELOG.md has a section for that version', () => {
    expect(changelogVersions(changelog)).toContain(packageVersion);
  });

  it('reads CHANGELOG sections the way they are written', () => {
    expect(changelogVersions('## Unreleased\n\n## [2.0.0] - 2026-01-31\n## 1.1.0\n### 1.0.1\n## 1.0.0-rc.1\n')).toEqual([
      '2.0.0',
      '1.1.0',
      '1.0.0-rc.1',
    ]);
  });
});
