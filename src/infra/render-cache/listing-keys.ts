import { sql } from 'kysely';
import { type ListingKind, listingKey } from '../../core/cache-keys.ts';
import type { Executor } from '../db/executor.ts';

/**
 * The listings a publication appears in as it stands in `db` (inside the writing transaction,
 * it sees the write). A place's page lists the work at every place inside it, so a piece filed
 * under a village is also in its county's and province's listings; and it shows the satellite
 * scenes of the place, so a piece whose scene shows a place is in that place's keys too.
 */
export async function listingKeysOf(
  db: Executor,
  publication: { id: number; sectionId: number; publishedAt: string | null },
): Promise<string[]> {
  const keys = [listingKey('section', publication.sectionId)];
  const year = Number(publication.publishedAt?.slice(0, 4));
  if (Number.isInteger(year) && year > 0) keys.push(listingKey('year', year));
  const id = publication.id;
  const { rows } = await sql<{ kind: ListingKind; id: number }>`
    with recursive around (id) as (
      select place_id from publication_places where publication_id = ${id}
      union select scene_places.place_id from scene_places
        join images on images.id = scene_places.image_id where images.publication_id = ${id}
      union select places.parent_id from places join around on places.id = around.id
        where places.parent_id is not null)
    select 'person' as kind, person_id as id from contributions where publication_id = ${id}
    union select 'topic', topic_id from publication_topics where publication_id = ${id}
    union select 'place', id from around`.execute(db);
  for (const r of rows) keys.push(listingKey(r.kind, Number(r.id)));
  return keys;
}
