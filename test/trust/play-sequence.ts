import type { Dialect } from '../../src/core/database-handle.ts';
import type { PdfSandbox } from '../../src/infra/pdf/pdf-sandbox.ts';
import { checkStaticExport } from './export-check.ts';
import { probeHeaders } from './header-probe.ts';
import type { Op } from './operations.ts';
import { crawlEverything, glance } from './public-surfaces.ts';
import { Runner } from './runner.ts';
import { World } from './world.ts';

export interface Played {
  log: string[];
  violations: string[];
  crawled: number;
}

/**
 * One run of the property: a fresh archive, the operations one by one (readers glancing and
 * exports built where the sequence says), then the header probe, a crawl of every anonymous
 * surface and a static export, each compared with the model.
 */
export async function playSequence(dialect: Dialect, ops: Op[], pdf: PdfSandbox): Promise<Played> {
  const world = await World.open(dialect, pdf);
  try {
    const runner = new Runner(world);
    const report = (message: string) => runner.violation(message);
    await runner.seed();
    for (const op of ops) {
      await runner.run(op);
      if (op.kind === 'look') await glance(world, runner.model, report);
      if (op.kind === 'staff-read') await runner.staffRead();
      if (op.kind === 'export') await checkStaticExport(world, runner.model, report);
    }
    runner.note('then: the header probe, a crawl of every surface, and a static export');
    runner.checking('the header probe');
    await probeHeaders(runner, report);
    runner.checking('the final crawl');
    const crawled = await crawlEverything(world, runner.model, report);
    runner.checking('the final static export');
    await checkStaticExport(world, runner.model, report);
    return { log: runner.log, violations: runner.violations, crawled };
  } finally {
    await world.close();
  }
}
