import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import spectralCore, { type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, pointerSegments, pointerTo, valueAtPointer, type Json, type JsonObject } from '../spec/json.js';

// ajv and ajv-formats are CommonJS; under NodeNext their default import is the module object.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const SPEC_ID = 'bundled-spec';

/** Follows one local `#/...` $ref in the raw document (examples are referenced from components). */
function follow(document: Json, value: Json | undefined): Json | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return valueAtPointer(document, value.$ref);
}

/**
 * Checks every named example of every request and response body against its schema with Ajv. Spectral's own
 * oas3-valid-media-example silently skips schemas that refer to themselves, and CartLineItem does (addonItems), so
 * without this rule an invalid cart example would pass the gate. It runs on the unresolved bundle, where Ajv follows
 * the recursive $refs itself.
 */
export const validExamples = spectralCore.createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  (document) => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema(document, SPEC_ID);
    const results: IFunctionResult[] = [];
    const paths = isObject(document.paths) ? document.paths : {};
    for (const [route, pathItem] of Object.entries(paths)) {
      if (!isObject(pathItem)) continue;
      for (const [method, operation] of Object.entries(pathItem)) {
        if (!isObject(operation)) continue;
        const bodies: [string[], Json | undefined][] = [[['paths', route, method, 'requestBody'], operation.requestBody]];
        const responses = isObject(operation.responses) ? operation.responses : {};
        for (const [status, response] of Object.entries(responses)) bodies.push([['paths', route, method, 'responses', status], response]);
        for (const [bodyPath, bodyRef] of bodies) {
          const body = follow(document, bodyRef);
          if (!isObject(body) || !isObject(body.content)) continue;
          // A response component's own location is where its examples live; report there when it is referenced.
          const basePath = isObject(bodyRef) && typeof bodyRef.$ref === 'string' ? pointerSegments(bodyRef.$ref) : bodyPath;
          for (const [mediaType, media] of Object.entries(body.content)) {
            if (!isObject(media) || !isObject(media.examples) || media.schema === undefined) continue;
            const validate = ajv.compile({ $ref: `${SPEC_ID}${pointerTo([...basePath, 'content', mediaType, 'schema'])}` });
            for (const [name, exampleRef] of Object.entries(media.examples)) {
              const example = follow(document, exampleRef);
              if (!isObject(example) || !('value' in example) || validate(example.value)) continue;
              const examplePath =
                isObject(exampleRef) && typeof exampleRef.$ref === 'string'
                  ? pointerSegments(exampleRef.$ref)
                  : [...basePath, 'content', mediaType, 'examples', name];
              for (const error of validate.errors ?? []) {
                const where = error.instancePath.split('/').filter(Boolean);
                results.push({
                  message: `Example "${name}" is invalid at ${error.instancePath || '/'}: ${error.message ?? error.keyword} (${error.keyword}).`,
                  path: [...examplePath, 'value', ...where],
                });
              }
            }
          }
        }
      }
    }
    return results;
  },
);
