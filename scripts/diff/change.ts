/** Which kind of contract change a check looks at; every category has fixtures on both sides of the verdict. */
export const categories = [
  'paths',
  'parameters',
  'request-body',
  'properties',
  'required',
  'types',
  'enums',
  'constraints',
  'nullable',
  'read-write',
  'additional-properties',
  'composition',
  'defaults',
  'response-status',
  'response-headers',
  'media-types',
  'security',
  'servers',
  'deprecation',
] as const;

export type Category = (typeof categories)[number];

export type Severity = 'breaking' | 'non-breaking';

/** One difference between two versions of the contract, already judged from the consumer's side. */
export interface Change {
  severity: Severity;
  /**
   * The oasdiff check id this change mirrors, e.g. `request-property-became-required`, so a reviewer can look
   * the check up in oasdiff's documentation; ids oasdiff does not have follow its naming (scripts/diff/CHECKS.md).
   */
  id: string;
  category: Category;
  /** Stable id of the rule that judged the severity, e.g. `request.property.newly-required`. */
  rule: string;
  /** `PUT /v1/customers/{customer-id}/carts/{cart-id}`, or `API` for document-wide changes. */
  operation: string;
  /** Where inside the operation, e.g. `request body (application/json) lineItems[].catalogItemId`. */
  location: string;
  message: string;
}

/** Which side of the wire a schema describes: what the server accepts, or what it sends back. */
export type Direction = 'request' | 'response';

export type ChangeSink = (change: Omit<Change, 'operation'>) => void;

/**
 * A change that makes the contract accept fewer values ("tightened") breaks requests, because clients
 * sending the old values get rejected; one that accepts more ("loosened") breaks responses, because
 * clients may now receive values they were never told about.
 */
export function severityOf(direction: Direction, tightened: boolean): Severity {
  return (direction === 'request') === tightened ? 'breaking' : 'non-breaking';
}
