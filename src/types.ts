import type { components } from '../generated/schema.js';

/*
 * Names for the contract's schemas, from the types generated out of the spec. A cart as read (`Cart`) has open
 * enums, so a value the service adds later never breaks a consumer; a cart as sent (`CartUpdate`) has closed ones.
 */

type Schemas = components['schemas'];

/** A cart as Partner Center returns it (GET, and PUT after an update). */
export type Cart = Schemas['Cart'];
/** One line of a returned cart. */
export type CartLineItem = Schemas['CartLineItem'];
/** A cart as sent with PUT: at least one line item, documented enum values only. */
export type CartUpdate = Schemas['CartUpdate'];
/** One line of a cart sent with PUT. */
export type CartLineItemUpdate = Schemas['CartLineItemUpdate'];
/** Another partner on a returned line (`key` is open). */
export type Participant = Schemas['Participant'];
/** Another partner on a line sent with PUT (`key` is one of `ParticipantType`). */
export type ParticipantUpdate = Schemas['ParticipantUpdate'];
/** How often a line is billed (the documented values). */
export type BillingCycle = Schemas['BillingCycle'];
/** The role of a participant (the documented values). */
export type ParticipantType = Schemas['ParticipantType'];
/** A problem the service found with one line; the cart call itself still succeeded. */
export type CartError = Schemas['CartError'];
/** The body of every Partner Center error answer (a wire type, not an error class). */
export type PartnerCenterErrorBody = Schemas['PartnerCenterError'];
/** @deprecated Renamed `PartnerCenterErrorBody` in 1.1.0: it is the error answer's body, not an error class. */
export type PartnerCenterError = PartnerCenterErrorBody;
