export * from './plain-export.ts';
