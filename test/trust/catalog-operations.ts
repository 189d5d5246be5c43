import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliActor } from '../../src/core/actor.ts';
import { importWxr } from '../../src/features/import/import-wxr.ts';
import { DEFAULT_WXR_MAPPING } from '../../src/features/import/wxr-mapping.ts';
import { newMarker } from './markers.ts';
import {
  type ActorName,
  isOffice,
  marker,
  type Piece,
  retire,
  retireField,
  type Status,
  type WxrStatus,
} from './model.ts';
import type { Op } from './operations.ts';
import { at } from './piece-operations.ts';
import { personName, placeName, type WxrItem, wxrOf } from './requests.ts';
import { allow, type Runner, refuse } from './runner.ts';
import type { Answer } from './world.ts';

/** Renaming people and places, and importing a WordPress export from the command line. */

const WXR_STATUS: Record<WxrStatus, Status> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'in-review',
};

export async function rename(
  r: Runner,
  actor: ActorName,
  what: 'person' | 'place',
  index: number,
): Promise<void> {
  const list = what === 'person' ? r.model.people : r.model.places;
  const entry = list[index % list.length]!;
  const office = isOffice(actor);
  if (office) await r.session(actor);
  const word = newMarker();
  r.log.push(`   ${entry.name.word} becomes ${word}`);
  const verdict =
    actor === 'contributor' || actor === 'token:contrib' || actor === 'token:read'
      ? refuse(`${actor} may not edit the catalog`)
      : allow();
  let ans: Answer;
  if (what === 'person') {
    const fields = { slug: entry.slugText, name: personName(word), sortName: `${word}, Person` };
    ans = office
      ? await (await r.session(actor)).post(`/admin/people/${entry.id}`, {
          ...fields,
          nameKo: '',
          bio: '',
          bioKo: '',
          orcid: '',
        })
      : await r.world.api(r.token(actor), 'PUT', `/api/v1/people/${entry.id}`, {
          ...fields,
          roles: [],
        });
  } else {
    const name = { name: placeName(word), language: 'en', scheme: 'english' };
    ans = office
      ? await (await r.session(actor)).post(`/admin/places/${entry.id}`, {
          slug: entry.slugText,
          kind: 'town',
          parentId: '',
          latitude: '',
          longitude: '',
          coordinatesSource: '',
          'names[0][name]': name.name,
          'names[0][language]': name.language,
          'names[0][scheme]': name.scheme,
          'names[0][preferred]': '1',
        })
      : await r.world.api(r.token(actor), 'PUT', `/api/v1/places/${entry.id}`, {
          slug: entry.slugText,
          kind: 'town',
          names: [{ ...name, preferred: true }],
        });
  }
  if (!r.judge(`rename ${what}`, verdict, ans, office)) {
    r.model.ghosts.push(word);
    return;
  }
  retire(entry, entry.name, entry.slug);
  entry.name = marker(word);
}

/** An operator imports a WordPress export from the command line (holding every right). */
export async function importWordPress(
  r: Runner,
  op: Extract<Op, { kind: 'import' }>,
): Promise<void> {
  const m = r.model;
  const now = r.now();
  const items: WxrItem[] = [];
  const fresh: Array<{ item: WxrItem; status: WxrStatus }> = [];
  for (const wanted of op.items) {
    r.wxrCount += 1;
    const item: WxrItem = {
      postId: String(1000 + r.wxrCount),
      login: `author${r.wxrCount}`,
      personWord: newMarker(),
      topicSlug: newMarker(),
      topicWord: newMarker(),
      slug: newMarker(),
      status: wanted.status,
      date: at(now, wanted.date),
      title: newMarker(),
      summary: newMarker(),
      body: newMarker(),
    };
    items.push(item);
    fresh.push({ item, status: wanted.status });
  }
  const imported = m.pieces.filter((p) => p.wxr && !p.purged);
  let again: { piece: Piece; status: WxrStatus; date: string } | null = null;
  if (op.again && imported.length > 0) {
    const piece = imported[op.again.index % imported.length]!;
    const src = piece.wxr!;
    again = { piece, status: op.again.status, date: at(now, op.again.date) };
    r.log.push(`   again: ${piece.slug.word}`);
    items.push({
      postId: src.postId,
      login: src.login,
      personWord: m.people[piece.people[0]!]!.slug.word,
      topicSlug: m.topics[piece.topics[0]!]!.slugText,
      topicWord: m.topics[piece.topics[0]!]!.name.word,
      slug: piece.slug.word,
      status: again.status,
      date: again.date,
      title: src.title.word,
      summary: src.summary.word,
      body: src.body.word,
    });
  }
  if (items.length === 0) return;
  const file = join(r.world.dir, `import-${r.step}.xml`);
  writeFileSync(file, wxrOf(items));
  try {
    await importWxr(r.world.ctx, {
      file,
      mapping: DEFAULT_WXR_MAPPING,
      dryRun: false,
      actor: cliActor(),
    });
  } catch (error) {
    r.violation(`the import failed: ${error instanceof Error ? error.message : error}`);
    return;
  }
  for (const { item, status } of fresh) {
    const section = r.world.sections.articles;
    const record = await r.world.ctx.repos.publications.findBySlug(section.id, item.slug);
    if (!record) {
      r.violation(`the import did not create ${item.slug}`);
      continue;
    }
    // The author's slug is made from their name ("person-…"): one word for both.
    const name = marker(item.personWord);
    m.people.push({
      id: record.contributions[0]?.personId ?? 0,
      slugText: `person-${item.personWord}`,
      slug: name,
      name,
      retired: [],
      photos: [],
    });
    m.topics.push({
      id: record.topicIds[0] ?? 0,
      slugText: item.topicSlug,
      slug: marker(item.topicSlug),
      name: marker(item.topicWord),
      retired: [],
      photos: [],
    });
    const person = m.people.length - 1;
    const topic = m.topics.length - 1;
    const words = { title: item.title, summary: item.summary, body: item.body, slug: item.slug };
    const piece = r.piece(record.id, 'articles', 'import', words, {
      people: [person],
      topics: [topic],
    });
    applyWxr(piece, status, item.date);
    piece.wxr = {
      postId: item.postId,
      login: item.login,
      status,
      date: item.date,
      title: piece.title,
      summary: piece.summary,
      body: piece.body,
    };
    m.pieces.push(piece);
  }
  if (again) {
    const { piece, status, date } = again;
    const src = piece.wxr!;
    // The same content as last time is "unchanged": the import leaves the piece alone.
    if (src.status === status && src.date === date) return;
    for (const field of ['title', 'summary', 'body'] as const) {
      if (piece[field].word !== src[field].word) {
        retireField(piece, field, piece[field]);
        piece[field] = src[field];
      }
    }
    retireField(piece, 'reason', piece.reason);
    piece.reason = null;
    // The source's body replaces the piece's, figure lines and all.
    for (const f of piece.figures) f.placed = false;
    piece.places = [];
    piece.embargoUntil = null;
    applyWxr(piece, status, date);
    src.status = status;
    src.date = date;
  }
}

function applyWxr(piece: Piece, status: WxrStatus, date: string): void {
  piece.status = WXR_STATUS[status];
  piece.publishedAt = date;
  piece.scheduledAt = status === 'future' ? date : null;
}
