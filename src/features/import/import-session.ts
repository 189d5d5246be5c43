import { createHash } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { ChangeFeed } from '../../core/change-feed.ts';
import type { AttachmentRole } from '../../core/content-types.ts';
import { DomainError } from '../../core/errors.ts';
import type { Clock, FileStore, Transactor, Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { PersonInput, PlaceInput, PublicationInput } from '../../core/schemas.ts';
import {
  createPerson,
  createPlace,
  createSection,
  createTopic,
  type EntityDeps,
  updatePerson,
  updatePlace,
} from '../entities/index.ts';
import {
  attachFile,
  createPublication,
  IMAGE_VARIANTS_JOB,
  PDF_EXTRACT_JOB,
  updatePublication,
} from '../publishing/index.ts';
import { addRedirect } from '../redirects/index.ts';
import { ImportInterruptedError, type ImportOutcome, SummaryBuilder } from './import-summary.ts';

export interface ImportDeps {
  repos: Repositories;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  files: FileStore;
  changes: ChangeFeed;
}

/** The stable fingerprint of what an item said, so an unchanged item is not saved again. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** A Transactor that joins an open transaction instead of starting one. */
function joined(tx: Tx): Transactor {
  return { transaction: (fn) => fn(tx) };
}

export interface SessionOptions {
  /** Names the origin of the keys, e.g. `wxr:https://example.org`; keys are unique within it. */
  source: string;
  dryRun: boolean;
  actor: Actor;
  /**
   * Leave a publication edited in Dossier since its import alone when the source changed too
   * (a conflict, reported), instead of the source's text replacing the edits.
   */
  keepEdits?: boolean;
}

/** Why a publication was left alone: the source changed it, and so did an editor. */
export const CONFLICT =
  'edited in Dossier since it was imported, and changed at the source: left alone (--overwrite replaces the edits)';

/** What became of one publication: the three counts, or a conflict left alone. */
export type PublicationOutcome = ImportOutcome | 'conflict';

/**
 * The stored fingerprint of a publication: the hash of its input and the version the import
 * left, so that a later edit in Dossier (a newer version) is seen as such.
 */
function stamped(hash: string, version: number): string {
  return `${hash}@v${version}`;
}

function unstamped(stored: string | null): { hash: string | null; version: number | null } {
  const m = /^(.*)@v(\d+)$/.exec(stored ?? '');
  return m ? { hash: m[1] ?? null, version: Number(m[2]) } : { hash: stored, version: null };
}

/**
 * One import run. Every write goes through the archive's own services (createPublication,
 * updatePublication, the catalog entries, addRedirect, attachFile), so validation, revisions,
 * audit entries, search indexing and ingest jobs are exactly those of an editor's save. Each
 * record and its `import_sources` row land in one transaction, so a crash cannot leave a record
 * that the next run would not recognize. In a dry run nothing is written: lookups decide what
 * would be created or updated, and new records get placeholder (negative) ids.
 */
export class ImportSession {
  readonly summary: SummaryBuilder;
  private placeholder = 0;
  private readonly cache = new Map<string, number>();

  constructor(
    readonly deps: ImportDeps,
    readonly options: SessionOptions,
  ) {
    this.summary = new SummaryBuilder(options.source, options.dryRun);
  }

  get dryRun(): boolean {
    return this.options.dryRun;
  }

  private nextPlaceholder(): number {
    return --this.placeholder;
  }

  private async known(key: string, entityType: string) {
    const row = await this.deps.repos.importSources.find(this.options.source, key);
    return row && row.entityType === entityType ? row : undefined;
  }

  /**
   * What an earlier run left for a spreadsheet row: the record it made (or, on a first run, one
   * already holding the row's slug), and whether the row changed since.
   */
  private async previousRun<T>(
    key: string,
    entityType: string,
    records: {
      findById(id: number): Promise<T | undefined>;
      findBySlug(slug: string): Promise<T | undefined>;
    },
    input: { slug: string },
  ): Promise<{ hash: string; current: T | undefined; outcome: ImportOutcome }> {
    const hash = fingerprint(input);
    const source = await this.known(key, entityType);
    const current = source
      ? await records.findById(source.entityId)
      : await records.findBySlug(input.slug);
    const outcome: ImportOutcome = !current
      ? 'created'
      : source?.contentHash === hash
        ? 'unchanged'
        : 'updated';
    return { hash, current, outcome };
  }

  /** Notes which record a source key became, so that the next run finds it again. */
  private remember(
    key: string,
    entityType: string,
    entityId: number,
    contentHash: string | null,
    at: string,
    tx?: Tx,
  ): Promise<void> {
    return this.deps.repos.importSources.record(
      { source: this.options.source, sourceKey: key, entityType, entityId, contentHash },
      at,
      tx,
    );
  }

  /** Runs `write` and records its source key in one transaction. */
  private async recorded<T extends { id: number }>(
    key: string,
    entityType: string,
    hash: string | null,
    write: (deps: ImportDeps & EntityDeps, tx: Tx) => Promise<T>,
  ): Promise<T> {
    const at = this.deps.clock.now().toISOString();
    return this.deps.transactor.transaction(async (tx) => {
      const result = await write({ ...this.deps, transactor: joined(tx) }, tx);
      await this.remember(key, entityType, result.id, hash, at, tx);
      return result;
    });
  }

  /** A section by slug, created (with this title) when missing. */
  async section(slug: string, title: string): Promise<number> {
    const cacheKey = `section:${slug}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const existing = await this.deps.repos.sections.findBySlug(slug);
    let id: number;
    if (existing) {
      id = existing.id;
      this.summary.count('sections', 'unchanged');
    } else if (this.dryRun) {
      id = this.nextPlaceholder();
      this.summary.count('sections', 'created');
    } else {
      id = (await createSection(this.deps, { slug, title }, this.options.actor)).id;
      this.summary.count('sections', 'created');
    }
    this.cache.set(cacheKey, id);
    return id;
  }

  /**
   * A person: the one this source key made before, else one already in the archive under the
   * same slug (the same person recognized across entries and imports), else a new one.
   */
  async person(key: string, input: PersonInput): Promise<number> {
    const cacheKey = `person:${key}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const id = await this.personUncached(key, input);
    this.cache.set(cacheKey, id);
    return id;
  }

  private async personUncached(key: string, input: PersonInput): Promise<number> {
    const source = await this.known(key, 'person');
    if (source && (await this.deps.repos.people.findById(source.entityId))) {
      this.summary.count('people', 'unchanged');
      return source.entityId;
    }
    const bySlug = await this.deps.repos.people.findBySlug(input.slug);
    if (this.dryRun) {
      this.summary.count('people', bySlug ? 'unchanged' : 'created');
      return bySlug?.id ?? this.nextPlaceholder();
    }
    if (bySlug) {
      await this.remember(key, 'person', bySlug.id, null, this.deps.clock.now().toISOString());
      this.summary.count('people', 'unchanged');
      return bySlug.id;
    }
    const created = await this.recorded(key, 'person', null, (deps) =>
      createPerson(deps, input, this.options.actor),
    );
    this.summary.count('people', 'created');
    return created.id;
  }

  /** People from a spreadsheet: created, or updated when the row changed since the last run. */
  async upsertPerson(key: string, input: PersonInput): Promise<ImportOutcome> {
    const people = this.deps.repos.people;
    const { hash, current, outcome } = await this.previousRun(key, 'person', people, input);
    if (!this.dryRun && outcome !== 'unchanged') {
      await this.recorded(key, 'person', hash, (deps) =>
        current
          ? updatePerson(deps, current.id, { ...input, slug: current.slug }, this.options.actor)
          : createPerson(deps, input, this.options.actor),
      );
    }
    this.summary.count('people', outcome);
    return outcome;
  }

  /** A topic by slug, created when missing. */
  async topic(key: string, slug: string, name: string): Promise<number> {
    const cacheKey = `topic:${key}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const source = await this.known(key, 'topic');
    const existing = source
      ? await this.deps.repos.topics.findById(source.entityId)
      : await this.deps.repos.topics.findBySlug(slug);
    let id: number;
    // In a dry run, a topic "created" earlier in the run is not in the database to be found.
    const planned = this.cache.get(`topic-slug:${slug}`);
    if (existing || planned !== undefined) {
      id = existing?.id ?? planned ?? 0;
      this.summary.count('topics', 'unchanged');
    } else if (this.dryRun) {
      id = this.nextPlaceholder();
      this.cache.set(`topic-slug:${slug}`, id);
      this.summary.count('topics', 'created');
    } else {
      id = (
        await this.recorded(key, 'topic', null, (deps) =>
          createTopic(deps, { slug, name }, this.options.actor),
        )
      ).id;
      this.summary.count('topics', 'created');
    }
    this.cache.set(cacheKey, id);
    return id;
  }

  /** A place of the gazetteer: created, or updated when its row changed. */
  async upsertPlace(key: string, input: PlaceInput): Promise<number> {
    const places = this.deps.repos.places;
    const { hash, current, outcome } = await this.previousRun(key, 'place', places, input);
    if (this.dryRun || (outcome === 'unchanged' && current)) {
      this.summary.count('places', outcome);
      return current?.id ?? this.nextPlaceholder();
    }
    const saved = await this.recorded(key, 'place', hash, (deps) =>
      current
        ? updatePlace(deps, current.id, { ...input, slug: current.slug }, this.options.actor)
        : createPlace(deps, input, this.options.actor),
    );
    this.summary.count('places', outcome);
    return saved.id;
  }

  /**
   * A publication: created, or updated over its current version when the source changed since
   * the last run. With `keepEdits`, a publication edited in Dossier since the import wrote it
   * (its version moved on) is a conflict and left alone; without, the source is the authority. Keys an earlier run used for
   * the same entry (`formerKeys`) are mapped to this one, so a change of key duplicates nothing.
   * Another publication already holding the slug in the section gets this one a suffixed slug,
   * never a clash.
   */
  async publication(
    key: string,
    input: PublicationInput,
    options: { formerKeys?: string[]; label?: string } = {},
  ): Promise<{ id: number; slug: string; outcome: PublicationOutcome }> {
    const hash = fingerprint(input);
    let source = await this.known(key, 'publication');
    for (const former of options.formerKeys ?? []) {
      if (source) break;
      source = await this.known(former, 'publication');
    }
    const current = source
      ? await this.deps.repos.publications.findById(source.entityId)
      : undefined;
    if (current) {
      const before = unstamped(source?.contentHash ?? null);
      const moved = source?.sourceKey !== key;
      let outcome: PublicationOutcome = before.hash === hash ? 'unchanged' : 'updated';
      if (
        outcome === 'updated' &&
        before.version !== null &&
        before.version !== current.version &&
        this.options.keepEdits
      ) {
        outcome = 'conflict';
      }
      if (outcome === 'updated' && !this.dryRun) {
        // A scheduled piece gets the job that publishes it from the save itself.
        await this.deps.transactor.transaction(async (tx) => {
          const saved = await updatePublication(
            { ...this.deps, transactor: joined(tx) },
            current.id,
            current.version,
            { ...input, slug: current.slug, sectionId: current.sectionId },
            this.options.actor,
          );
          const at = this.deps.clock.now().toISOString();
          await this.remember(key, 'publication', saved.id, stamped(hash, saved.version), at, tx);
        });
      } else if (moved && !this.dryRun) {
        // The entry is the same; only the key that names it changed. Keep what was stored.
        const at = this.deps.clock.now().toISOString();
        await this.remember(key, 'publication', current.id, source?.contentHash ?? null, at);
      }
      if (outcome === 'conflict') this.summary.skip(options.label ?? key, CONFLICT);
      else this.summary.count('publications', outcome);
      return { id: current.id, slug: current.slug, outcome };
    }
    const slug = this.dryRun ? input.slug : await this.freeSlug(input.sectionId, input.slug, key);
    if (this.dryRun) {
      this.summary.count('publications', 'created');
      return { id: this.nextPlaceholder(), slug, outcome: 'created' };
    }
    const created = await this.deps.transactor.transaction(async (tx) => {
      const saved = await createPublication(
        { ...this.deps, transactor: joined(tx) },
        { ...input, slug },
        this.options.actor,
      );
      const at = this.deps.clock.now().toISOString();
      await this.remember(key, 'publication', saved.id, stamped(hash, saved.version), at, tx);
      return saved;
    });
    this.summary.count('publications', 'created');
    return { id: created.id, slug, outcome: 'created' };
  }

  /** The slug a publication will have: its own when imported before, else a free one. */
  async plannedSlug(
    key: string,
    sectionId: number,
    slug: string,
    formerKeys: string[] = [],
  ): Promise<string> {
    let source = await this.known(key, 'publication');
    for (const former of formerKeys) source ??= await this.known(former, 'publication');
    const current = source
      ? await this.deps.repos.publications.findById(source.entityId)
      : undefined;
    if (current) return current.slug;
    return this.dryRun || sectionId < 0 ? slug : this.freeSlug(sectionId, slug, key);
  }

  private async freeSlug(sectionId: number, slug: string, key: string): Promise<string> {
    if (!(await this.deps.repos.publications.findBySlug(sectionId, slug))) return slug;
    const suffix = key.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    for (let n = 0; n < 100; n++) {
      const candidate = `${slug.slice(0, 70)}-${suffix}${n > 0 ? `-${n}` : ''}`.replace(/-+/g, '-');
      if (!(await this.deps.repos.publications.findBySlug(sectionId, candidate))) return candidate;
    }
    return `${slug.slice(0, 60)}-${Date.now()}`;
  }

  /** An old address that should lead to the new one (301). */
  async redirect(fromPath: string, toPath: string, what: string): Promise<void> {
    const existing = await this.deps.repos.redirects.find(fromPath);
    if (existing?.toPath === toPath) {
      this.summary.count('redirects', 'unchanged');
      return;
    }
    if (fromPath === toPath) return;
    if (this.dryRun) {
      this.summary.count('redirects', existing ? 'updated' : 'created');
      return;
    }
    try {
      await addRedirect(this.deps, { fromPath, toPath, statusCode: 301 }, this.options.actor);
      this.summary.count('redirects', existing ? 'updated' : 'created');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.summary.skip(`redirect ${fromPath} (${what})`, `redirect refused: ${error.message}`);
    }
  }

  /**
   * A file from disk under a publication, once per source key: through attachFile, so PDFs are
   * queued for extraction and images for their resized copies, and image metadata is stripped.
   * With `hash` (of the bytes on disk), a file whose bytes changed since the last run is read
   * again: the attachment keeps its name and place and points at the new bytes, which are
   * extracted like any new file.
   */
  async attachment(
    key: string,
    publicationId: number,
    file: {
      source: () => AsyncIterable<Uint8Array>;
      fileName: string;
      role: AttachmentRole;
      title?: string | null;
      altText?: string | null;
      caption?: string | null;
      hash?: string;
    },
  ): Promise<ImportOutcome | 'refused'> {
    const { hash, ...attach } = file;
    const known = await this.known(key, 'attachment');
    const existing = known ? await this.deps.repos.files.findAttachment(known.entityId) : undefined;
    if (known && existing) {
      if (!hash || known.contentHash === hash || known.contentHash === null) {
        if (hash && known.contentHash === null && !this.dryRun) {
          await this.remember(
            key,
            'attachment',
            known.entityId,
            hash,
            this.deps.clock.now().toISOString(),
          );
        }
        this.summary.count('files', 'unchanged');
        return 'unchanged';
      }
      if (!this.dryRun) await this.replaceFile(key, existing, attach, hash);
      this.summary.count('files', 'updated');
      return 'updated';
    }
    if (this.dryRun) {
      this.summary.count('files', 'created');
      return 'created';
    }
    try {
      const { attachment } = await attachFile(
        this.deps,
        { publicationId, ...attach, source: attach.source() },
        this.options.actor,
      );
      await this.remember(
        key,
        'attachment',
        attachment.id,
        hash ?? null,
        this.deps.clock.now().toISOString(),
      );
      this.summary.count('files', 'created');
      return 'created';
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.summary.skip(`${file.fileName}`, `file refused: ${error.message}`);
      return 'refused';
    }
  }

  /** Points an attachment at new bytes, queued for extraction like a new file. */
  private async replaceFile(
    key: string,
    attachment: { id: number; publicationId: number; fileName: string },
    file: { source: () => AsyncIterable<Uint8Array> },
    hash: string,
  ): Promise<void> {
    const blob = await this.deps.files.put(file.source(), { stripImageMetadata: true });
    const at = this.deps.clock.now().toISOString();
    await this.deps.transactor.transaction(async (tx) => {
      const stored = await this.deps.repos.files.ensureStoredFile(blob, at, tx);
      await this.deps.repos.files.replaceAttachmentFile(attachment.id, stored.id, tx);
      if (stored.mediaType === 'application/pdf' && stored.extractionStatus === 'none') {
        await this.deps.repos.files.updateStoredFile(stored.id, { extractionStatus: 'queued' }, tx);
        await this.deps.repos.jobs.enqueue(
          { kind: PDF_EXTRACT_JOB, payload: { storedFileId: stored.id } },
          at,
          tx,
        );
      }
      if (stored.mediaType.startsWith('image/')) {
        await this.deps.repos.jobs.enqueueUnique(
          {
            kind: IMAGE_VARIANTS_JOB,
            payload: { storedFileId: stored.id },
            uniqueKey: `${IMAGE_VARIANTS_JOB}:${stored.id}`,
          },
          at,
          tx,
        );
      }
      await this.deps.audit.record(
        this.options.actor,
        'attachment.replace',
        { type: 'publication', id: attachment.publicationId },
        { fileName: attachment.fileName, sha256: blob.sha256, bytes: blob.byteSize },
        tx,
      );
      await this.deps.changes.publicationChanged(attachment.publicationId, tx);
      await this.remember(key, 'attachment', attachment.id, hash, at, tx);
    });
  }

  /**
   * What to throw when the run stops part-way: the cause, with what was written before it (every
   * count is taken after its write committed, so the numbers are exact).
   */
  interrupted(cause: unknown): ImportInterruptedError {
    return cause instanceof ImportInterruptedError
      ? cause
      : new ImportInterruptedError(this.summary.build(), cause);
  }

  /** The run's own audit entry, with its summary. */
  async finish(detail: Record<string, unknown> = {}): Promise<void> {
    const summary = this.summary.build();
    if (this.dryRun) return;
    await this.deps.audit.record(
      this.options.actor,
      'import.run',
      { type: 'import', id: this.options.source },
      {
        ...detail,
        counts: summary.counts,
        skipped: summary.skipped.map((s) => ({ reason: s.reason, count: s.count })),
        needsAttention: summary.needsAttention,
      },
    );
  }
}
