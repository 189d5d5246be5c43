import * as cheerio from 'cheerio';
import { createPublication } from '../../src/features/publishing/save-publication.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { importWordPress, rename } from './catalog-operations.ts';
import { compareFigures, figure, photo, place } from './image-operations.ts';
import { newMarker } from './markers.ts';
import {
  type ActorName,
  type Model,
  marker,
  type OfficeRole,
  observe,
  type Piece,
  passTime,
  type SectionSlug,
  type Status,
  type TokenKind,
} from './model.ts';
import { note } from './note-operations.ts';
import { describeOp, type Op, type PieceRef } from './operations.ts';
import { attach, create, dates, edit, status, trashOp } from './piece-operations.ts';
import { bodyOf, personName, placeName, summaryOf, titleOf } from './requests.ts';
import type { Answer, OfficeSession, World } from './world.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** What the model predicts of an operation: allowed, refused, or either (the rules leave it open). */
export interface Verdict {
  allow: boolean | 'either';
  why: string;
  /** What a refusal must say. */
  mention?: RegExp;
}
export const allow = (why = 'allowed'): Verdict => ({ allow: true, why });
export const refuse = (why: string, mention?: RegExp): Verdict => ({ allow: false, why, mention });

/** What an answer says, in a line: a page's error messages, or the start of a text or problem. */
function gist(body: string): string {
  if (body.trimStart().startsWith('<')) {
    const $ = cheerio.load(body);
    const errors = $('.error:not([hidden]), .flash, [role=alert]:not([hidden])')
      .map((_, el) => $(el).text().trim())
      .get()
      .filter(Boolean);
    return (errors.join(' / ') || $('h1').first().text()).replace(/\s+/g, ' ').slice(0, 300);
  }
  return body.replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * Runs a sequence of operations against the archive through its real surfaces, and the model
 * beside it: each answer is compared with the model's prediction, and after each operation the
 * jobs run, time passes in the model as in the archive, and the stored records are compared
 * with the model. Disagreements are collected, not thrown, so one run reports all it found.
 */
export class Runner {
  readonly model: Model;
  readonly log: string[] = [];
  readonly violations: string[] = [];
  /** The operation being run, counted from 1. */
  step = 0;
  private readonly said = new Set<string>();
  /** Where the run is, for the report: an operation's number, or a final check. */
  private phase = 'setting up';
  /** Posts imported so far: their WordPress ids and authors' logins count on. */
  wxrCount = 0;

  constructor(readonly world: World) {
    this.model = {
      pieces: [],
      people: [],
      places: [],
      topics: [],
      ghosts: [],
      metadata: [],
      notes: [],
      trashJobDue: new Date(Date.parse(world.now()) + DAY_MINUTES * MINUTE).toISOString(),
    };
  }

  now(): string {
    return this.world.now();
  }

  violation(message: string): void {
    // Once said is enough: the same disagreement seen again at a later step adds nothing.
    if (this.said.has(message)) return;
    this.said.add(message);
    this.violations.push(`${this.phase}: ${message}`);
  }

  /** Names the check that follows the operations (the crawl, the export…) in the report. */
  checking(what: string): void {
    this.phase = what;
  }

  note(line: string): void {
    this.log.push(line);
  }

  /**
   * Staff read the public site while signed in, and the API with a read-drafts token: what they
   * are shown must not be kept for the next anonymous reader.
   */
  async staffRead(): Promise<void> {
    const editor = await this.session('editor');
    const folders = this.model.pieces.map((p) => `/${p.section}/${p.slug.word}/`);
    for (const path of ['/', '/reports/', '/articles/', '/feed.xml', ...folders]) {
      await editor.get(path);
    }
    for (const path of [
      '/api/v1/publications?limit=100',
      '/api/v1/publications?limit=100&include_withdrawn=true',
      ...this.model.pieces.map((p) => `/api/v1/publications/${p.id}`),
    ]) {
      await this.world.api('read', 'GET', path);
    }
  }

  /**
   * One public piece per section, each with its own person and place, before any operation; then,
   * through the back office, a figure placed in the newest piece's body and one left out of it,
   * and a photo of its author, so that every sequence moves images as it moves their owners; and
   * an editorial note and a sign-off, which no surface may show.
   */
  async seed(): Promise<void> {
    for (const section of ['reports', 'articles'] as const) {
      const person = await this.newPerson();
      const place = await this.newPlace();
      const words = {
        title: newMarker(),
        summary: newMarker(),
        body: newMarker(),
        slug: newMarker(),
      };
      const saved = await createPublication(
        this.world.ctx,
        {
          sectionId: this.world.sections[section].id,
          slug: words.slug,
          type: section === 'reports' ? 'report' : 'article',
          title: titleOf(words.title),
          summary: summaryOf(words.summary),
          body: bodyOf(words.body),
          status: 'published',
          publishedAt: '2025-01-15T00:00:00.000Z',
          contributions: [{ personId: this.model.people[person]!.id }],
          placeIds: [this.model.places[place]!.id],
        },
        SYSTEM_ACTOR,
      );
      this.model.pieces.push(
        this.piece(saved.id, section, 'system', words, {
          status: 'published',
          publishedAt: saved.publishedAt,
          people: [person],
          places: [place],
        }),
      );
    }
    observe(this.model, this.now());
    const newest = { index: 0, own: false };
    const add = (place: boolean, scene: boolean) =>
      figure(this, { kind: 'figure', actor: 'editor', piece: newest, place, scene });
    await add(true, false);
    await add(false, false);
    // Satellite scenes, one shown and one not, so every sequence has their files to probe.
    await add(true, true);
    await add(false, true);
    await photo(this, { kind: 'photo', actor: 'editor', index: 1 });
    // A note and a sign-off on the public pieces, so that every sequence has notes to keep in.
    await note(this, { kind: 'note', actor: 'editor', piece: newest, signOff: false });
    await note(this, {
      kind: 'note',
      actor: 'admin',
      piece: { index: 1, own: false },
      signOff: true,
    });
    await this.settle();
  }

  async run(op: Op): Promise<void> {
    this.step += 1;
    this.phase = `step ${this.step}`;
    this.log.push(`${this.step}. ${describeOp(op)}`);
    switch (op.kind) {
      case 'create':
        await create(this, op);
        break;
      case 'edit':
        await edit(this, op.actor, op.piece);
        break;
      case 'dates':
        await dates(this, op);
        break;
      case 'status':
        await status(this, op);
        break;
      case 'trash':
      case 'restore':
      case 'purge':
        await trashOp(this, op.kind, op.actor, op.piece);
        break;
      case 'rename':
        await rename(this, op.actor, op.what, op.index);
        break;
      case 'attach':
        await attach(this, op.actor, op.piece);
        break;
      case 'figure':
        await figure(this, op);
        break;
      case 'place':
        await place(this, op);
        break;
      case 'note':
        await note(this, op);
        break;
      case 'photo':
        await photo(this, op);
        break;
      case 'import':
        await importWordPress(this, op);
        break;
      case 'advance':
        await this.advance(op.minutes * MINUTE);
        return;
      default:
        // Reading and exporting are checked by the caller, which owns the surfaces.
        return;
    }
    await this.settle();
  }

  /** Moves the clock, then lets the jobs and the model catch up. */
  async advance(ms: number): Promise<void> {
    this.world.setNow(new Date(Date.parse(this.now()) + ms).toISOString());
    await this.settle();
  }

  /** After each operation: due jobs run, time passes in the model, records are compared. */
  async settle(): Promise<void> {
    await this.world.runJobs();
    const now = this.now();
    for (const p of passTime(this.model, now)) {
      // Scheduled, but in the trash when its moment came: the record says what happened.
      const record = await this.world.record(p.id);
      if (record?.status === 'published') {
        p.status = 'published';
        p.publishedAt = record.publishedAt;
      }
    }
    observe(this.model, now);
    await this.compareRecords();
  }

  /** The stored records agree with the model; where they do not, say so and follow them. */
  async compareRecords(): Promise<void> {
    for (const p of this.model.pieces) {
      const r = await this.world.record(p.id);
      const label = `piece ${p.slug.word} (${p.owner})`;
      if (p.purged) {
        if (r) this.violation(`${label} should be purged but is still stored`);
        continue;
      }
      if (!r) {
        this.violation(`${label} should exist but is gone`);
        p.purged = true;
        continue;
      }
      const expected = {
        status: p.status,
        publishedAt: p.publishedAt,
        embargoUntil: p.embargoUntil,
        trashed: p.trashedAt !== null,
        scheduledAt: p.status === 'scheduled' ? p.scheduledAt : null,
      };
      const actual = {
        status: r.status as Status,
        publishedAt: r.publishedAt,
        embargoUntil: r.embargoUntil,
        trashed: r.deletedAt !== null,
        scheduledAt: r.status === 'scheduled' ? r.scheduledAt : null,
      };
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        this.violation(
          `${label} is stored as ${JSON.stringify(actual)}, the model says ${JSON.stringify(expected)}`,
        );
        p.status = actual.status;
        p.publishedAt = actual.publishedAt;
        p.embargoUntil = actual.embargoUntil;
        p.scheduledAt = r.scheduledAt;
        p.trashedAt = actual.trashed ? (r.deletedAt ?? this.now()) : null;
      }
      if (!r.title.includes(p.title.word)) {
        this.violation(`${label} has the title "${r.title}", the model says ${p.title.word}`);
      }
      compareFigures(this, p, r);
    }
  }

  /** Compares an answer with the prediction; true when the archive did it. */
  judge(what: string, verdict: Verdict, ans: Answer, office: boolean): boolean {
    if (office && ans.status === 303 && ans.location?.includes('/sign-in')) {
      throw new Error(`${what}: the back office session ended unexpectedly`);
    }
    const done = office ? ans.status === 303 : ans.status < 300;
    const said = gist(ans.body);
    if (ans.status >= 500) this.violation(`${what}: answered ${ans.status} (${said})`);
    if (verdict.allow === true && !done) {
      this.violation(
        `${what}: should be allowed (${verdict.why}) but answered ${ans.status}: ${said}`,
      );
    }
    if (verdict.allow === false && done) {
      this.violation(`${what}: should be refused (${verdict.why}) but answered ${ans.status}`);
    }
    if (!done && ans.status < 500) {
      if (ans.status < 400) this.violation(`${what}: neither done nor refused (${ans.status})`);
      else if (!/[a-z]{3}/i.test(ans.body)) this.violation(`${what}: refused without a message`);
      else if (verdict.allow === false && verdict.mention && !verdict.mention.test(ans.body)) {
        this.violation(`${what}: the refusal should say ${verdict.mention} but says: ${said}`);
      }
    }
    this.log.push(`   → ${ans.status}${done ? '' : ' (refused)'}`);
    return done;
  }

  // ---- Targets -----------------------------------------------------------------------------

  pick(ref: PieceRef, actor: ActorName, prefer?: (p: Piece) => boolean): Piece {
    let pool = this.model.pieces;
    const own = pool.filter((p) => p.owner === actor);
    const preferred = prefer ? pool.filter(prefer) : [];
    if (ref.own && own.length > 0) pool = own;
    else if (ref.own && preferred.length > 0) pool = preferred;
    const p = pool[pool.length - 1 - (ref.index % pool.length)]!;
    this.log.push(
      `   on ${p.slug.word} (${p.status}${p.trashedAt ? ', in the trash' : ''}${p.purged ? ', purged' : ''})`,
    );
    return p;
  }

  gone(p: Piece): boolean {
    return p.purged || p.trashedAt !== null;
  }

  session(role: OfficeRole): Promise<OfficeSession> {
    // A new sign-in waits for the authenticator's next code: time passes for everyone.
    return this.world.office(role, () => this.advance(31_000));
  }

  token(actor: ActorName): TokenKind {
    return actor.slice('token:'.length) as TokenKind;
  }

  // ---- What the operations share (piece-operations.ts, catalog-operations.ts) ----------------

  async newPerson(): Promise<number> {
    const name = marker(newMarker());
    const slug = marker(newMarker());
    const id = await this.world.makePerson(personName(name.word), slug.word);
    this.model.people.push({ id, slug, slugText: slug.word, name, retired: [], photos: [] });
    return this.model.people.length - 1;
  }

  async newPlace(): Promise<number> {
    const name = marker(newMarker());
    const slug = marker(newMarker());
    const id = await this.world.makePlace(placeName(name.word), slug.word);
    this.model.places.push({ id, slug, slugText: slug.word, name, retired: [], photos: [] });
    return this.model.places.length - 1;
  }

  piece(
    id: number,
    section: SectionSlug,
    owner: Piece['owner'],
    words: { title: string; summary: string; body: string; slug: string },
    rest: Partial<Piece>,
  ): Piece {
    return {
      id,
      section,
      slug: marker(words.slug),
      owner,
      status: 'draft',
      publishedAt: null,
      embargoUntil: null,
      scheduledAt: null,
      reason: null,
      trashedAt: null,
      purged: false,
      wasPublic: false,
      title: marker(words.title),
      summary: marker(words.summary),
      body: marker(words.body),
      pdfs: [],
      figures: [],
      people: [],
      places: [],
      topics: [],
      retired: [],
      retiredCitation: [],
      ...rest,
    };
  }
}
