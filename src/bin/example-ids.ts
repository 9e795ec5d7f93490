// The customer and cart the `mock` and `fake` commands print in their "Try:" lines (the spec's example ids).
export const EXAMPLE_CUSTOMER_ID = '0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
export const EXAMPLE_CART_ID = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
