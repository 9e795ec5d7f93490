/** One difference between two versions of the contract, already judged from the consumer's side. */
export interface Change {
  severity: 'breaking' | 'non-breaking';
  /** Stable id of the rule that judged it, e.g. `request.property.newly-required`. */
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
