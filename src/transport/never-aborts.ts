/**
 * The signal of a call made without one. Shared by every such call, so that a call costs no AbortController of its
 * own; policies skip listening to it, since it never fires (and a shared signal would pile up listeners).
 */
export const NEVER_ABORTS: AbortSignal = new AbortController().signal;
