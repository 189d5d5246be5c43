import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { PdfSandbox } from '../../src/infra/pdf/pdf-sandbox.ts';
import { closePagefind } from '../../src/static-export/pagefind-index.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sequences } from './operations.ts';
import { playSequence } from './play-sequence.ts';
import { closeSharedAuthority } from './world.ts';

/**
 * The model-based leak test. fast-check generates sequences of editorial operations —
 * creating, editing, scheduling, embargoing and lifting, publishing, withdrawing, trashing,
 * restoring, purging, renaming people and places, attaching PDFs, uploading figures and placing
 * them in bodies (or another piece's, which must be refused), people's photos, importing — by admins,
 * editors and contributors in the back office, by API tokens of every scope, and by an operator
 * importing from the command line, with the clock moving between them. Each answer is compared
 * with what the model says the archive must allow or refuse; after each sequence every
 * anonymous surface (pages in both languages, listings and counts, search with suggestions and
 * facets, feeds, sitemaps, OAI-PMH, the API, citation files, files, every copy of every image,
 * whose bytes are read for their metadata) is crawled, a static export
 * is built and read, and what the public can see is compared with the model, in both
 * directions; cached pages' headers are compared before and after unpublished work. The seed
 * is fixed, so CI runs the same sequences every time; LEAK_MODEL_SEED and LEAK_MODEL_RUNS
 * explore others, LEAK_MODEL_BUDGET_MS bounds the time. A failure prints the seed, the shrunk
 * sequence with each answer, and every disagreement.
 */
const SEED = Number(process.env.LEAK_MODEL_SEED ?? 20_260_601);
const RUNS = Number(process.env.LEAK_MODEL_RUNS ?? 20);
/** Generating and shrinking stop here, so that each database's half ends in a bounded time. */
const BUDGET_MS = Number(process.env.LEAK_MODEL_BUDGET_MS ?? 200_000);

describeEachDatabase('the public sees exactly what the model says', (_db, dialect) => {
  // One PDF reader for all the runs: its start-up is paid once.
  const pdf = new PdfSandbox({ workers: 1, idleMs: 120_000 });
  afterAll(async () => {
    await pdf.close();
    await closePagefind();
    await closeSharedAuthority();
  });

  it('after random editorial sequences by every role, no surface shows what it should not, and each shows what it should', async () => {
    let runs = 0;
    const details = await fc.check(
      fc.asyncProperty(sequences(5, 12), async (ops) => {
        runs += 1;
        const played = await playSequence(dialect, ops, pdf);
        if (played.violations.length > 0) {
          throw new Error(
            [
              `${played.violations.length} disagreement(s) with the model:`,
              ...played.violations.slice(0, 25).map((v) => `  - ${v}`),
              'The sequence:',
              ...played.log.map((line) => `  ${line}`),
            ].join('\n'),
          );
        }
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        interruptAfterTimeLimit: BUDGET_MS,
        verbose: 1,
        includeErrorInReport: true,
      },
    );
    if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'failed');
    expect(runs).toBeGreaterThan(0);
  }, 300_000);
});
