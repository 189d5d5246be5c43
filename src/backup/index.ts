export * from './errors.ts';
export * from './manifest.ts';
export * from './table-policy.ts';
