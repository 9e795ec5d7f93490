import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * The named examples of the bundled spec, as Prism sees them: per operation, per documented status, the
 * examples of its application/json response, in document order (Prism serves the first when none is named).
 */

export const BUNDLED_SPEC_PATH = resolve('generated/openapi.json');
export const CART_PATH = '/v1/customers/{customer-id}/carts/{cart-id}';

export type CartOperation = 'getCart' | 'updateCart';

export interface NamedExample {
  /** The key under the media type's `examples`, what `Prefer: example=<name>` selects. */
  name: string;
  /** The component it points at, e.g. `GetCartResponse_Active`. */
  component: string;
  value: unknown;
}

export interface DocumentedStatus {
  operation: CartOperation;
  method: 'GET' | 'PUT';
  status: number;
  examples: NamedExample[];
}

interface Ref {
  $ref: string;
}
interface MediaType {
  examples?: Record<string, Ref>;
}
interface Spec {
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, Ref>; requestBody?: { content: Record<string, MediaType> } }>
  >;
  components: {
    responses: Record<string, { content?: Record<string, MediaType> }>;
    examples: Record<string, { value: unknown }>;
  };
}

export const spec = JSON.parse(readFileSync(BUNDLED_SPEC_PATH, 'utf8')) as Spec;

function componentName(ref: Ref, kind: 'responses' | 'examples'): string {
  const prefix = `#/components/${kind}/`;
  if (!ref.$ref.startsWith(prefix)) throw new Error(`expected a ${prefix} reference, got ${ref.$ref}`);
  return ref.$ref.slice(prefix.length);
}

function namedExamples(media: MediaType | undefined): NamedExample[] {
  return Object.entries(media?.examples ?? {}).map(([name, ref]) => {
    const component = componentName(ref, 'examples');
    const example = spec.components.examples[component];
    if (!example) throw new Error(`example ${name} points at missing component ${component}`);
    return { name, component, value: example.value };
  });
}

const OPERATIONS: Record<CartOperation, 'get' | 'put'> = { getCart: 'get', updateCart: 'put' };

function operation(name: CartOperation): Spec['paths'][string][string] {
  const op = spec.paths[CART_PATH]?.[OPERATIONS[name]];
  if (!op || op.operationId !== name) throw new Error(`the bundle has no operation ${name} at ${CART_PATH}`);
  return op;
}

/** Every documented status of both operations, with the examples Prism can serve for it. */
export function documentedStatuses(): DocumentedStatus[] {
  return (Object.keys(OPERATIONS) as CartOperation[]).flatMap((name) =>
    Object.entries(operation(name).responses).map(([status, ref]) => {
      const response = spec.components.responses[componentName(ref, 'responses')];
      return {
        operation: name,
        method: OPERATIONS[name].toUpperCase() as 'GET' | 'PUT',
        status: Number(status),
        examples: namedExamples(response?.content?.['application/json']),
      };
    }),
  );
}

/** The named examples of the PUT request body. */
export function requestExamples(): NamedExample[] {
  return namedExamples(operation('updateCart').requestBody?.content['application/json']);
}
