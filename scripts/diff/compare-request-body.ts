import type { ChangeSink } from './change.js';
import { compareContent } from './compare-content.js';
import { type Operation, objectAt } from './operations.js';
import type { Documents } from './schema-walk.js';

/** A request body that became required breaks callers that send none; one that became optional breaks nobody. */
const BODY_REQUIRED_CHANGE = {
  required: {
    severity: 'breaking',
    id: 'request-body-became-required',
    category: 'required',
    rule: 'request.body.newly-required',
    message: 'request body is now required',
  },
  optional: {
    severity: 'non-breaking',
    id: 'request-body-became-optional',
    category: 'required',
    rule: 'request.body.no-longer-required',
    message: 'request body is now optional',
  },
} as const;

export function compareRequestBodies(documents: Documents, before: Operation, after: Operation, emit: ChangeSink): void {
  const hadBody = before.operation.requestBody !== undefined;
  const hasBody = after.operation.requestBody !== undefined;
  const was = objectAt(documents.before, before.operation.requestBody);
  const now = objectAt(documents.after, after.operation.requestBody);
  const location = 'request body';
  if (hadBody && !hasBody) {
    emit({
      severity: 'breaking',
      id: 'request-body-removed',
      category: 'request-body',
      rule: 'request.body.removed',
      location,
      message: 'request body removed',
    });
    return;
  }
  if (!hadBody && hasBody) {
    const required = now.required === true;
    emit({
      severity: required ? 'breaking' : 'non-breaking',
      id: `request-body-added-${required ? 'required' : 'optional'}`,
      category: 'request-body',
      rule: `request.body.added${required ? '-required' : ''}`,
      location,
      message: `${required ? 'required' : 'optional'} request body added`,
    });
    return;
  }
  if (!hadBody) return;
  const nowRequired = now.required === true;
  if ((was.required === true) !== nowRequired) emit({ ...BODY_REQUIRED_CHANGE[nowRequired ? 'required' : 'optional'], location });
  compareContent(documents, was, now, location, 'request', emit);
}
