import type { GeneratedValidationIssue } from '../../generated/validators.js';
import type { CartViolation } from '../errors/index.js';
import { quoteValue } from './quote-value.js';

/*
 * Turns Ajv's findings (JSON pointers, terse messages) into violations a person can act on:
 * `lineItems[0].quantity must be >= 1 (got 0)`.
 */

/** A property name that JavaScript can write after a dot. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `/lineItems/0/quantity` -> `lineItems[0].quantity`. */
export function toJsPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(part) ? `[${part}]` : IDENTIFIER.test(part) ? (path ? `.${part}` : part) : `[${JSON.stringify(part)}]`;
  }
  return path;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function describe(value: unknown): string {
  const quoted = quoteValue(value);
  return quoted.length > 80 ? `${quoted.slice(0, 77)}...` : quoted;
}

function join(parent: string, child: string): string {
  return parent === '' ? child : IDENTIFIER.test(child) ? `${parent}.${child}` : `${parent}[${JSON.stringify(child)}]`;
}

function plural(count: unknown, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** What the rule expects, in words, from the keyword and its params (the generated validators carry no messages). */
function expectation(issue: GeneratedValidationIssue): string {
  const { params } = issue;
  switch (issue.keyword) {
    case 'type':
      return `must be ${String(params.type)
        .split(',')
        .map((type) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`))
        .join(' or ')}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'minItems':
      return `must have at least ${plural(params.limit, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(params.limit, 'item')}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must have at least ${plural(params.limit, 'character')}`;
    // The only keywords the request validators report (see generated/validators.js); any other reads as below.
    case 'minimum':
    case 'maximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'format':
      return `must be a ${String(params.format)}`;
    case 'pattern':
      return `must match ${String(params.pattern)}`;
    default:
      return `must satisfy ${issue.keyword} ${JSON.stringify(params)}`;
  }
}

/** Violations of `data` from the issues its generated validator reported; `subject` names the root when it is not an object. */
export function toViolations(issues: readonly GeneratedValidationIssue[], data: unknown, subject: string): CartViolation[] {
  return issues.map((issue) => {
    const at = toJsPath(issue.instancePath);
    if (issue.keyword === 'required') {
      const path = join(at, String(issue.params.missingProperty));
      return { path, rule: 'required', message: `${path} is required (got nothing)`, value: undefined };
    }
    const value = valueAt(data, issue.instancePath);
    const name = at === '' ? subject : at;
    return { path: at, rule: issue.keyword, message: `${name} ${expectation(issue)} (got ${describe(value)})`, value };
  });
}
