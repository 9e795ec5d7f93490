export * from './CartsApi';
