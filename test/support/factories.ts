import { type ContextOptions, createContext, type WiredContext } from '../../src/context.ts';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Config } from '../../src/core/config.ts';
import type { PublicationRecord, Section } from '../../src/core/entities.ts';
import type { Clock } from '../../src/core/ports.ts';
import type {
  PersonInput,
  PlaceInput,
  PublicationInput,
  TopicInput,
} from '../../src/core/schemas.ts';
import {
  createPerson,
  createPlace,
  createSection,
  createTopic,
} from '../../src/features/entities/create-entities.ts';
import { attachFile } from '../../src/features/publishing/files/attach-file.ts';
import {
  createPublication,
  updatePublication,
} from '../../src/features/publishing/save-publication.ts';
import { SYSTEM_ACTOR } from './actors.ts';
import type { TestDatabase } from './databases.ts';

/** A clock the test moves by hand, so that "now" never races the assertions. */
export function fixedClock(
  iso = '2026-06-01T12:00:00.000Z',
): Clock & { set(iso: string): void; advance(seconds: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    advance: (seconds) => (now = new Date(now.getTime() + seconds * 1000)),
  };
}

export async function testContext(
  t: TestDatabase,
  clock: Clock = fixedClock(),
  publicUrl = 'https://archive.example.org',
  options: Pick<ContextOptions, 'renderCache'> & { config?: Partial<Config> } = {},
): Promise<WiredContext> {
  const { config: settings, ...rest } = options;
  const config: Config = {
    port: 0,
    dataDir: t.dir,
    filesDir: `${t.dir}/files`,
    database: t.config,
    publicUrl,
    ...settings,
  };
  // The test owns the database handle and closes it itself: the context's close leaves it open.
  return createContext(config, { db: t.db, clock, ...rest });
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

export async function buildPerson(
  ctx: AppContext,
  name = 'Roberta Cohen',
  overrides: Partial<PersonInput> = {},
) {
  const sortName = name.split(' ').reverse().join(', ');
  return createPerson(
    ctx,
    { slug: unique('person'), name, sortName, roles: [], ...overrides },
    SYSTEM_ACTOR,
  );
}

export async function buildTopic(
  ctx: AppContext,
  name = 'Commission of Inquiry',
  overrides: Partial<TopicInput> = {},
) {
  return createTopic(ctx, { slug: unique('topic'), name, ...overrides }, SYSTEM_ACTOR);
}

type PlaceName = PlaceInput['names'][number];

/** A place of one name: a plain string is an English name. */
export async function buildPlace(
  ctx: AppContext,
  name: string | PlaceName,
  overrides: Partial<PlaceInput> = {},
) {
  const first =
    typeof name === 'string' ? { name, language: 'en', scheme: 'english' as const } : name;
  return createPlace(
    ctx,
    { slug: unique('place'), kind: 'town', names: [first], ...overrides },
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

/** Saves a publication as it now stands with some fields changed, as an editor would. */
export async function editPublication(
  ctx: AppContext,
  id: number,
  changes: Partial<PublicationInput>,
): Promise<PublicationRecord> {
  const current = (await ctx.repos.publications.findById(id))!;
  return updatePublication(ctx, id, current.version, { ...current, ...changes }, SYSTEM_ACTOR);
}

/** Attaches bytes held in memory to a publication, as an upload of them would. */
export function attachBytes(
  ctx: AppContext,
  bytes: Uint8Array,
  input: Omit<Parameters<typeof attachFile>[1], 'source'>,
) {
  const source = (async function* () {
    yield bytes;
  })();
  return attachFile(ctx, { ...input, source }, SYSTEM_ACTOR);
}
