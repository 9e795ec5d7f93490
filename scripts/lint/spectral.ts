import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { httpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import { ruleset } from './ruleset.js';

const { Document, Spectral } = spectralCore;
const { Json, Yaml } = spectralParsers;

export type Severity = 'error' | 'warning' | 'info' | 'hint';
const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export interface LintFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** JSON path of the offending node, dot-joined. */
  path: string;
  jsonPath: (string | number)[];
  file: string;
  line: number;
}

let sharedSpectral: InstanceType<typeof Spectral> | undefined;

// Building the ruleset costs more than a lint run, so one instance serves every call in a process.
function spectralInstance(): InstanceType<typeof Spectral> {
  if (!sharedSpectral) {
    sharedSpectral = new Spectral({ resolver: httpAndFileResolver });
    sharedSpectral.setRuleset(ruleset);
  }
  return sharedSpectral;
}

/** Runs Spectral with this project's ruleset on one spec file (YAML or JSON; file $refs are followed). */
export async function lintSpecFile(file: string): Promise<LintFinding[]> {
  const absolute = resolve(file);
  return lintSpecText(readFileSync(absolute, 'utf8'), absolute);
}

/** Runs Spectral on a spec held in memory; `source` names it in findings and anchors relative $refs. */
export async function lintSpecText(text: string, source: string): Promise<LintFinding[]> {
  const absolute = resolve(source);
  const document = absolute.endsWith('.json') ? new Document(text, Json, absolute) : new Document(text, Yaml, absolute);
  const results = await spectralInstance().run(document);
  return results.map((result) => ({
    rule: String(result.code),
    severity: SEVERITIES[result.severity] ?? 'error',
    message: result.message,
    path: result.path.join('.'),
    jsonPath: [...result.path],
    file: result.source ?? absolute,
    line: result.range.start.line + 1,
  }));
}
