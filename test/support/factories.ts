import type { Config } from '../../src/config.ts';
import { type AppContext, createContext } from '../../src/context.ts';
import { SYSTEM_ACTOR } from '../../src/core/actor.ts';
import type { PublicationRecord, Section } from '../../src/core/entities.ts';
import type { Clock } from '../../src/core/ports.ts';
import type { PublicationInput } from '../../src/core/schemas.ts';
import { createPerson, createSection } from '../../src/features/entities/entities.ts';
import { createPublication } from '../../src/features/publishing/save-publication.ts';
import type { TestDatabase } from './databases.ts';

/** A clock the test moves by hand, so that "now" never races the assertions. */
export function fixedClock(iso = '2026-06-01T12:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export async function testContext(
  t: TestDatabase,
  clock: Clock = fixedClock(),
  publicUrl = 'https://archive.example.org',
): Promise<AppContext> {
  const config: Config = {
    port: 0,
    dataDir: t.dir,
    filesDir: `${t.dir}/files`,
    database: t.config,
    publicUrl,
  };
  const ctx = await createContext(config, { db: t.db, clock });
  // The test owns the database handle and closes it itself.
  return { ...ctx, close: async () => {} };
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${++counter}-${process.pid}`;

export async function buildSection(
  ctx: AppContext,
  overrides: Partial<Section> = {},
): Promise<Section> {
  return createSection(
    ctx,
    { slug: unique('section'), title: 'Reports', ...overrides },
    SYSTEM_ACTOR,
  );
}

export async function buildPerson(ctx: AppContext, name = 'Roberta Cohen') {
  return createPerson(
    ctx,
    { slug: unique('person'), name, sortName: name.split(' ').reverse().join(', '), roles: [] },
    SYSTEM_ACTOR,
  );
}

export async function buildPublication(
  ctx: AppContext,
  overrides: Partial<PublicationInput> = {},
): Promise<PublicationRecord> {
  const sectionId = overrides.sectionId ?? (await buildSection(ctx)).id;
  return createPublication(
    ctx,
    {
      sectionId,
      slug: unique('piece'),
      type: 'article',
      title: 'A Human Rights Dialogue',
      status: 'published',
      publishedAt: '2014-10-16T00:00:00.000Z',
      ...overrides,
    },
    SYSTEM_ACTOR,
  );
}
