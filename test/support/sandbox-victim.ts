// A process that starts the PDF sandbox on a bomb and prints its children's pids, for the test
// that kills it with SIGKILL and checks that no child outlives it.
import { PdfSandbox } from '../../src/infra/pdf/pdf-sandbox.ts';
import { decompressionBomb } from './hostile-pdfs.ts';

const sandbox = new PdfSandbox({ workers: 1, memoryBytes: 4 * 1024 ** 3, timeoutMs: 600_000 });
const working = sandbox.extract(new Uint8Array(decompressionBomb(3 * 1024 ** 3))).catch(() => {});
for (let i = 0; i < 400 && sandbox.childPids().length === 0; i++) {
  await new Promise((r) => setTimeout(r, 25));
}
// Give the child a moment to be deep in its work.
await new Promise((r) => setTimeout(r, 800));
process.stdout.write(`${sandbox.childPids().join(',')}\n`);
await working;
