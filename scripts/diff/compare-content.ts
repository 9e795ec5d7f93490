import type { ChangeSink, Direction } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import { isObject, type JsonObject } from './json-pointer.js';
import type { Documents } from './schema-walk.js';

const scopes = {
  request: { root: 'request-body', nested: 'request-property' },
  response: { root: 'response-body', nested: 'response-property' },
} as const;

/** oasdiff says `request-body-media-type-…` on one side and `response-media-type-…` on the other. */
const mediaTypeId = (direction: Direction, what: string): string =>
  direction === 'request' ? `request-body-media-type-${what}` : `response-media-type-${what}`;

/**
 * Compares the media types of a request body or response; `where` names the place for the report.
 * A media type dropped breaks either side: clients send it, or parse it.
 */
export function compareContent(
  documents: Documents,
  was: JsonObject,
  now: JsonObject,
  where: string,
  direction: Direction,
  emit: ChangeSink,
): void {
  const wasContent = isObject(was.content) ? was.content : {};
  const nowContent = isObject(now.content) ? now.content : {};
  for (const [mediaType, media] of Object.entries(wasContent)) {
    const location = `${where} (${mediaType})`;
    const next = nowContent[mediaType];
    if (!isObject(next)) {
      emit({
        severity: 'breaking',
        id: mediaTypeId(direction, 'removed'),
        category: 'media-types',
        rule: `${direction}.media-type.removed`,
        location,
        message: 'media type removed',
      });
      continue;
    }
    const wasSchema = isObject(media) ? media.schema : undefined;
    if ((wasSchema === undefined) !== (next.schema === undefined)) {
      // No schema admits any body: adding one tightens, dropping one loosens.
      const added = wasSchema === undefined;
      emit({
        severity: (direction === 'request') === added ? 'breaking' : 'non-breaking',
        id: `${direction}-body-media-type-schema-${added ? 'added' : 'removed'}`,
        category: 'media-types',
        rule: `${direction}.media-type.schema-${added ? 'added' : 'removed'}`,
        location,
        message: added ? 'schema added: the body is now checked against it' : 'schema removed: any body is now allowed',
      });
      continue;
    }
    compareSchemas(
      { document: documents.before, node: wasSchema },
      { document: documents.after, node: next.schema },
      { direction, scope: scopes[direction] },
      (change) => emit({ ...change, location: `${location} ${change.location}` }),
    );
  }
  for (const mediaType of Object.keys(nowContent)) {
    if (mediaType in wasContent) continue;
    emit({
      severity: 'non-breaking',
      id: mediaTypeId(direction, 'added'),
      category: 'media-types',
      rule: `${direction}.media-type.added`,
      location: `${where} (${mediaType})`,
      message: 'media type added',
    });
  }
}
