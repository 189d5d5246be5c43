// The Markdown worker thread's entry point. Node 20 cannot run TypeScript by itself, so this
// registers tsx (as bin/dossier.js does) before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./markdown-worker-main.ts');
