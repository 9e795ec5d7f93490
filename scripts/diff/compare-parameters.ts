import type { ChangeSink } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import { compareLifecycle, removalOf } from './lifecycle.js';
import { type Operation, parametersOf } from './operations.js';
import type { Documents } from './schema-walk.js';

const parameterScope = { root: 'request-parameter', nested: 'request-parameter-property' };

/** Parameters in path, query, header and cookie; all of them are request side. */
export function compareParameters(documents: Documents, before: Operation, after: Operation, today: string, emit: ChangeSink): void {
  const was = parametersOf(documents.before, before);
  const now = parametersOf(documents.after, after);
  for (const [key, parameter] of was) {
    const next = now.get(key);
    if (!next) {
      const removal = removalOf(parameter, today);
      emit({
        severity: removal.severity,
        id: removal.check === 'without-deprecation' ? 'request-parameter-removed' : `request-parameter-removed-${removal.check}`,
        category: 'parameters',
        rule: 'request.parameter.removed',
        location: key,
        message: `parameter ${removal.reason}`,
      });
      continue;
    }
    const wasRequired = parameter.required === true;
    const nowRequired = next.required === true;
    if (wasRequired !== nowRequired) {
      emit({
        severity: nowRequired ? 'breaking' : 'non-breaking',
        id: `request-parameter-became-${nowRequired ? 'required' : 'optional'}`,
        category: 'required',
        rule: `request.parameter.${nowRequired ? 'newly-required' : 'no-longer-required'}`,
        location: key,
        message: `parameter is now ${nowRequired ? 'required' : 'optional'}`,
      });
    }
    for (const change of compareLifecycle(parameter, next)) {
      emit({
        ...change,
        id: `request-parameter-${change.check}`,
        category: 'deprecation',
        rule: 'request.parameter.lifecycle',
        location: key,
      });
    }
    compareSchemas(
      { document: documents.before, node: parameter.schema },
      { document: documents.after, node: next.schema },
      { direction: 'request', scope: parameterScope, defaultsBreak: true },
      (change) => emit({ ...change, location: `${key} ${change.location}`.replace(/ \(body\)$/, '') }),
    );
  }
  for (const [key, parameter] of now) {
    if (was.has(key)) continue;
    const required = parameter.required === true;
    emit({
      severity: required ? 'breaking' : 'non-breaking',
      id: parameter.in === 'path' ? 'new-request-path-parameter' : `new-${required ? 'required' : 'optional'}-request-parameter`,
      category: 'parameters',
      rule: `request.parameter.added${required ? '-required' : ''}`,
      location: key,
      message: `${required ? 'required' : 'optional'} parameter added`,
    });
  }
}
