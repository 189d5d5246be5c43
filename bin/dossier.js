#!/usr/bin/env -S node --max-semi-space-size=8 --max-old-space-size=1024
// The flags bound V8's heap for a server under load (docs/PERFORMANCE.md, "The heap"): half the
// default young generation, and an old generation of at most 1 GB. Under a 2 GB limit V8 lets
// the heap grow less between full collections: at most 1.6 times what survived the last one at
// 1 GB, against 4 times by default. Measured on PostgreSQL on a large archive, this lowers peak
// RSS under load markedly for the same throughput. `npm start` passes the same flags;
// `node bin/dossier.js …` runs with Node's defaults, for an import too large for 1 GB.
// Node 20 cannot run TypeScript by itself; tsx compiles each module on first load and caches it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
