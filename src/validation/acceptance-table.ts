/*
 * The shape of the tables scripts/generate/acceptance.ts writes into generated/acceptance.ts from the spec's
 * `x-service-acceptance` rules, and that service-body.ts reads a request body with.
 */

/** How one JSON value is read: its object shape, its items, its map values, its enum spellings, a date-time. */
export interface AcceptedValue {
  /** The name of the object shape (in `shapes`) whose properties this value has. */
  shape?: string;
  /** How each item of an array is read. */
  items?: AcceptedValue;
  /** How each value of a string map is read. */
  mapValues?: AcceptedValue;
  /** The map's keys are camelCased (`SubscriptionId` -> `subscriptionId`). */
  camelCaseKeys?: true;
  /** The canonical enum value for each name the .NET enum converter reads a spelling as (`OneTime` -> `one_time`). */
  enumByDotnetName?: Record<string, string | number>;
  /** A date-time; one without an offset is read as UTC. */
  dateTime?: true;
}

/** One property of an object shape: its canonical name and how its value is read. */
export interface AcceptedProperty extends AcceptedValue {
  name: string;
  /** An optional property the service treats as unset when it is null. */
  nullMeansAbsent?: true;
}

/** The tables of one request body. */
export interface AcceptanceTable {
  /** Property names are looked up by their lower-case spelling. */
  caseInsensitiveNames: boolean;
  root: AcceptedValue;
  /** Object shapes by name, each mapping a property's lookup key to the property. */
  shapes: Record<string, Record<string, AcceptedProperty>>;
}
