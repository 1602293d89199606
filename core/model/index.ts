export * from './organisation.js';
export * from './process.js';
export * from './handoffs.js';
export * from './exchange.js';
export * from './flow-edit.js';
export * from './merge.js';
export * from './review.js';
