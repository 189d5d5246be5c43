// The sandbox child's entry point. Node 20 cannot run TypeScript by itself, so this registers
// tsx (as bin/dossier.js does) before loading the worker. pdf.js is loaded first, past tsx's
// hooks: they would otherwise read its three megabytes of plain JavaScript and their source maps
// on every start of a child, which took longer than reading a short PDF. The worker's half of
// pdf.js, once loaded, is found on globalThis and used in this process as before.
//
// pdf.js's legacy build brings core-js, which replaces Array.prototype.push with a function
// written in JavaScript wherever V8 is older than Chrome 122's (Node 20's is). Its test is
// whether pushing onto an array whose length is read-only throws a TypeError, and pdf.js never
// pushes onto such an array; every other push would run as slow generic code, so the engine's
// own push is put back.
const { push } = Array.prototype;
await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
Object.defineProperty(Array.prototype, 'push', {
  value: push,
  writable: true,
  enumerable: false,
  configurable: true,
});
const { register } = await import('tsx/esm/api');

register();
await import('./pdf-worker-main.ts');
