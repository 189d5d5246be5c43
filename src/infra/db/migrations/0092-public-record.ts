import { sql } from 'kysely';
import type { MigrationDb } from './column-helpers.ts';

/**
 * Records when each piece first became public (`public_from`) and when a write last took it out
 * of view (`public_until`), so that tombstones, OAI deleted records and the API's withdrawn
 * listing follow a recorded fact rather than an inference from dates. Existing pieces take the
 * moment from their publish events in the audit trail (a publish, or a creation as published):
 * the later of that event and the piece's date and embargo, kept only if it came before the
 * withdrawal (for withdrawn work) or before now. A piece with no such event counts as never
 * public; one that is public now is recorded by its next save in any case.
 */
export function publicRecord() {
  return {
    async up(db: MigrationDb): Promise<void> {
      await db.schema.alterTable('publications').addColumn('public_from', 'text').execute();
      await db.schema.alterTable('publications').addColumn('public_until', 'text').execute();
      await sql`update publications set public_from = firsts.at
        from (select subject_id, min(at) as at from audit_events
              where subject_type = 'publication'
                and (action = 'publication.status.published'
                  or (action = 'publication.create' and detail like '%"status":"published"%'))
              group by subject_id) as firsts
        where firsts.subject_id = cast(publications.id as text)`.execute(db);
      await sql`update publications set public_from = published_at
        where public_from is not null and published_at is not null
          and published_at > public_from`.execute(db);
      await sql`update publications set public_from = embargo_until
        where public_from is not null and embargo_until is not null
          and embargo_until > public_from`.execute(db);
      await sql`update publications set public_from = null
        where public_from is not null and status = 'withdrawn'
          and (withdrawn_at is null or public_from > withdrawn_at)`.execute(db);
      await sql`update publications set public_from = null
        where public_from > ${new Date().toISOString()}`.execute(db);
      await sql`update publications set public_until = withdrawn_at
        where public_from is not null and status = 'withdrawn'`.execute(db);
      await sql`update publications set public_until = deleted_at
        where public_from is not null and deleted_at is not null and public_until is null`.execute(
        db,
      );
    },
  };
}
