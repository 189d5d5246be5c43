#!/usr/bin/env node
// Node 20 cannot run TypeScript by itself; tsx compiles each module on first load and caches it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
