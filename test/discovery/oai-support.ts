import * as cheerio from 'cheerio';
import type { WiredContext } from '../../src/context.ts';
import { isPubliclyVisible, isTombstone } from '../../src/core/publication-status.ts';
import { toPublication } from '../../src/infra/db/repos/publications.repo.ts';

/** An OAI-PMH response read as XML, with the parts the tests look at. */
export function readOai(xml: string) {
  const $ = cheerio.load(xml, { xml: true });
  return {
    $,
    xml,
    errors: $('error')
      .map((_, e) => $(e).attr('code'))
      .get(),
    headers: $('header')
      .map((_, h) => ({
        identifier: $(h).children('identifier').text(),
        datestamp: $(h).children('datestamp').text(),
        deleted: $(h).attr('status') === 'deleted',
        sets: $(h)
          .children('setSpec')
          .map((__, s) => $(s).text())
          .get(),
      }))
      .get(),
    token: $('resumptionToken').length
      ? {
          value: $('resumptionToken').text(),
          cursor: Number($('resumptionToken').attr('cursor')),
          completeListSize: Number($('resumptionToken').attr('completeListSize')),
        }
      : null,
  };
}

/**
 * What the public may harvest, decided by the domain rule on every row of the table (not by the
 * SQL under test): live listed work, and tombstones of work once public.
 */
export async function expectedHarvest(
  ctx: WiredContext,
): Promise<{ live: number[]; deleted: number[] }> {
  const rows = (await ctx.db.kysely.selectFrom('publications').selectAll().execute()).map(
    toPublication,
  );
  const listed = rows.filter((p) => p.type !== 'page');
  const now = ctx.clock.now();
  return {
    live: listed
      .filter((p) => isPubliclyVisible(p, now))
      .map((p) => p.id)
      .sort((a, b) => a - b),
    deleted: listed
      .filter((p) => isTombstone(p))
      .map((p) => p.id)
      .sort((a, b) => a - b),
  };
}

export const idOf = (identifier: string) => Number(identifier.split(':').at(-1));

export const UTC_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
