/**
 * `--format` for every review command. sarif, junit, github and text are rendered the same way for every tool;
 * json and markdown are the tool's own (the differ's Markdown is a pull-request comment, its JSON the full report).
 * With json, sarif and junit, stdout holds that one document and nothing else.
 */
import { UsageError } from '../run-main.js';
import { renderGithub } from './github.js';
import { renderJunit } from './junit.js';
import type { Review } from './review.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The `--format` option's value, checked: an unknown format is a usage error (exit code 2). */
export function formatFrom(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format ${value} is not one of ${FORMATS.join(', ')}.`);
  return value as Format;
}

export interface ToolRenderings {
  json: () => unknown;
  markdown: () => string;
}

export function renderReview(format: Format, review: Review, own: ToolRenderings): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(own.json(), null, 2)}\n`;
    case 'markdown':
      return own.markdown();
    case 'sarif':
      return renderSarif(review);
    case 'junit':
      return renderJunit(review);
    case 'github':
      return renderGithub(review);
    case 'text':
      return renderText(review);
  }
}
