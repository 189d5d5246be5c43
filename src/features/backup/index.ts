export * from './backup-errors.ts';
export * from './manifest.ts';
export * from './table-policy.ts';
