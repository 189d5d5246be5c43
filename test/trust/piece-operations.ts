import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { newMarker } from './markers.ts';
import {
  type ActorName,
  guarded,
  isOffice,
  marker,
  mayEdit,
  mayPublish,
  type OfficeRole,
  type Piece,
  retireField,
  type SectionSlug,
  type Status,
} from './model.ts';
import type { Op, PieceRef } from './operations.ts';
import { bodyOf, formFieldsOf, putBodyOf, reasonOf, summaryOf, titleOf } from './requests.ts';
import { allow, type Runner, refuse, type Verdict } from './runner.ts';
import type { Answer } from './world.ts';

/**
 * The operations on publications, each as the model predicts it (allowed, refused, or left
 * open by the rules), done through the back office or the API as the actor would, and applied
 * to the model when the archive did it.
 */

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** `minutes` from `now`, to the whole minute (forms and schedules keep minutes). */
export const at = (now: string, minutes: number) => {
  const t = Date.parse(now) + minutes * MINUTE;
  return new Date(t - (t % MINUTE)).toISOString();
};
/** The back office keeps a publication date to the day, an embargo to the minute. */
const dayOf = (iso: string) => `${iso.slice(0, 10)}T00:00:00.000Z`;
const minuteOf = (iso: string) => `${iso.slice(0, 16)}:00.000Z`;

/**
 * Every report joins one series, numbered in the order of creation: each report's page then
 * lists the others, so the series navigator is crawled like every other surface, and a part
 * that is not public must show there as a number only, never by its title.
 */
async function reportSeries(r: Runner): Promise<number> {
  const series = r.world.ctx.repos.series;
  const found = await series.findBySlug('model-series');
  if (found) return found.id;
  const made = await series.insert(
    { slug: 'model-series', title: 'Model series', titleKo: null, source: null },
    r.now(),
  );
  return made.id;
}

export async function create(r: Runner, op: Extract<Op, { kind: 'create' }>): Promise<void> {
  const m = r.model;
  const person =
    op.person === null || m.people.length === 0 ? await r.newPerson() : op.person % m.people.length;
  const place =
    op.place === 'none'
      ? null
      : op.place === 'new' || m.places.length === 0
        ? await r.newPlace()
        : op.place % m.places.length;
  const office = isOffice(op.actor);
  if (office) await r.session(op.actor as OfficeRole);
  const now = r.now();
  const section: SectionSlug = op.section ? 'articles' : 'reports';
  // The back office creates drafts; the API creates in the status asked for.
  const status: Status = office ? 'draft' : op.status;
  let publishedAt = op.date === null ? null : office ? dayOf(at(now, op.date)) : at(now, op.date);
  const embargoUntil = op.embargo === null ? null : at(now, op.embargo);
  let scheduledAt: string | null = null;
  if (status === 'scheduled') {
    scheduledAt = at(now, op.date !== null && op.date > 0 ? op.date : DAY_MINUTES);
    publishedAt = scheduledAt;
  }
  const words = {
    title: newMarker(),
    summary: newMarker(),
    body: newMarker(),
    slug: newMarker(),
  };
  const reason = status === 'withdrawn' ? newMarker() : null;

  let verdict: Verdict;
  if (op.actor === 'token:read') verdict = refuse('a read-drafts token cannot write');
  else if (office) verdict = allow();
  else if (['published', 'scheduled', 'withdrawn'].includes(status) && !mayPublish(op.actor)) {
    verdict = refuse(`making a piece ${status} needs the publish right`);
  } else if (status === 'withdrawn') {
    verdict = refuse('a piece never public cannot be withdrawn', /trash/i);
  } else verdict = allow();

  const sectionId = r.world.sections[section].id;
  const type = section === 'reports' ? 'report' : 'article';
  const personId = m.people[person]!.id;
  const placeIds = place === null ? [] : [m.places[place]!.id];
  const seriesId = section === 'reports' ? await reportSeries(r) : null;
  const seriesPosition = seriesId === null ? null : m.pieces.length + 1;
  let ans: Answer;
  if (office) {
    ans = await (await r.session(op.actor as OfficeRole)).post('/admin/publications', {
      sectionId: String(sectionId),
      type,
      title: titleOf(words.title),
      slug: words.slug,
      language: 'en',
      summary: summaryOf(words.summary),
      body: bodyOf(words.body),
      publishedAt: publishedAt?.slice(0, 10) ?? '',
      embargoUntil: embargoUntil?.slice(0, 16) ?? '',
      'contributions[0][personId]': String(personId),
      'contributions[0][role]': 'author',
      'contributions[0][credit]': 'primary',
      placeIds: placeIds.map(String),
      seriesId: seriesId === null ? '' : String(seriesId),
      seriesPosition: seriesPosition === null ? '' : String(seriesPosition),
    });
  } else {
    ans = await r.world.api(r.token(op.actor), 'POST', '/api/v1/publications', {
      sectionId,
      slug: words.slug,
      type,
      title: titleOf(words.title),
      summary: summaryOf(words.summary),
      body: bodyOf(words.body),
      status,
      publishedAt,
      scheduledAt,
      embargoUntil,
      withdrawnReason: reason ? reasonOf(reason) : null,
      contributions: [{ personId }],
      placeIds,
      seriesId,
      seriesPosition,
    });
  }
  const done = r.judge('create', verdict, ans, office);
  if (!done) {
    m.ghosts.push(...Object.values(words), ...(reason ? [reason] : []));
    return;
  }
  const id = office
    ? Number(/\/admin\/publications\/(\d+)/.exec(ans.location ?? '')?.[1])
    : (JSON.parse(ans.body) as { id: number }).id;
  m.pieces.push(
    r.piece(id, section, op.actor, words, {
      status,
      publishedAt: status === 'published' && publishedAt === null ? now : publishedAt,
      embargoUntil,
      scheduledAt,
      reason: reason ? marker(reason) : null,
      people: [person],
      places: place === null ? [] : [place],
    }),
  );
}

/** Saves the back office form of a piece, from its stored record, with these changes. */
export async function saveForm(
  r: Runner,
  role: OfficeRole,
  p: Piece,
  changes: Record<string, string>,
): Promise<Answer> {
  const session = await r.session(role);
  const record = await r.world.record(p.id);
  const fields = record ? formFieldsOf(record) : { version: '1', title: 'x' };
  return session.post(`/admin/publications/${p.id}`, { ...fields, ...changes });
}

/** A full PUT of a piece, from its stored record, with these changes. */
export async function put(
  r: Runner,
  actor: ActorName,
  p: Piece,
  changes: Record<string, unknown>,
): Promise<Answer> {
  const record = await r.world.record(p.id);
  const body = record ? putBodyOf(record) : { version: 1 };
  return r.world.api(r.token(actor), 'PUT', `/api/v1/publications/${p.id}`, {
    ...body,
    ...changes,
  });
}

/** What a save through the back office form does to the dates: day and minute. */
export function truncateDates(p: Piece): void {
  if (p.publishedAt) p.publishedAt = dayOf(p.publishedAt);
  if (p.embargoUntil) p.embargoUntil = minuteOf(p.embargoUntil);
}

export async function edit(r: Runner, actor: ActorName, ref: PieceRef): Promise<void> {
  const p = r.pick(ref, actor);
  if (isOffice(actor)) await r.session(actor);
  const words = { title: newMarker(), summary: newMarker(), body: newMarker() };
  const verdict = r.gone(p)
    ? refuse('the piece is not there')
    : !mayEdit(actor, p)
      ? refuse(`${actor} may not edit this piece`)
      : allow();
  const texts = {
    title: titleOf(words.title),
    summary: summaryOf(words.summary),
    body: bodyOf(words.body),
  };
  const office = isOffice(actor);
  const ans = office ? await saveForm(r, actor, p, texts) : await put(r, actor, p, texts);
  if (!r.judge('edit', verdict, ans, office)) {
    r.model.ghosts.push(...Object.values(words));
    return;
  }
  for (const field of ['title', 'summary', 'body'] as const) {
    retireField(p, field, p[field]);
    p[field] = marker(words[field]);
  }
  // The new body is new text: the lines that placed figures are gone with the old one.
  for (const f of p.figures) f.placed = false;
  if (office) truncateDates(p);
}

export async function dates(r: Runner, op: Extract<Op, { kind: 'dates' }>): Promise<void> {
  const { actor } = op;
  const p = r.pick(op.piece, actor);
  const office = isOffice(actor);
  if (office) await r.session(actor);
  const now = r.now();
  const wanted = (o: number | null | 'keep', current: string | null) =>
    o === 'keep' ? current : o === null ? null : at(now, o);
  let date = wanted(op.date, p.publishedAt);
  let embargo = wanted(op.embargo, p.embargoUntil);
  if (office) {
    date = date && dayOf(date);
    embargo = embargo && minuteOf(embargo);
  }
  const changes = date !== p.publishedAt || embargo !== p.embargoUntil;
  const protection = guarded(p);
  let verdict: Verdict;
  if (r.gone(p)) verdict = refuse('the piece is not there');
  else if (!mayEdit(actor, p)) verdict = refuse(`${actor} may not edit this piece`);
  else if (changes && !mayPublish(actor) && protection === true) {
    verdict = refuse(`changing the date or embargo of a ${p.status} piece needs the publish right`);
  } else if (changes && !mayPublish(actor) && protection === 'open') {
    verdict = { allow: 'either', why: 'the rules leave withdrawn pieces open' };
  } else verdict = allow();
  const ans = office
    ? await saveForm(r, actor, p, {
        publishedAt: date?.slice(0, 10) ?? '',
        embargoUntil: embargo?.slice(0, 16) ?? '',
      })
    : await put(r, actor, p, { publishedAt: date, embargoUntil: embargo });
  if (!r.judge('dates', verdict, ans, office)) return;
  // A published piece saved without a date is dated at the moment of the save.
  p.publishedAt = date ?? (p.status === 'published' ? now : null);
  p.embargoUntil = embargo;
}

export async function status(r: Runner, op: Extract<Op, { kind: 'status' }>): Promise<void> {
  const { actor, to } = op;
  const p = r.pick(op.piece, actor);
  const office = isOffice(actor);
  if (office) await r.session(actor);
  const now = r.now();
  const endpoint = !office && !op.viaPut && (to === 'published' || to === 'withdrawn');
  // Through a PUT the API does not check the moment; the test asks only for future ones.
  const moment = at(now, !office && op.at <= 0 ? DAY_MINUTES : op.at);
  const reason = newMarker();
  const changes =
    to !== p.status || (to === 'scheduled' && moment !== p.scheduledAt) || to === 'withdrawn';
  const publishing = to === 'published' || to === 'scheduled' || to === 'withdrawn';
  let verdict: Verdict;
  if (r.gone(p)) verdict = refuse('the piece is not there');
  else if (actor === 'token:read') verdict = refuse('a read-drafts token cannot write');
  else if (endpoint && !mayPublish(actor)) verdict = refuse('publishing needs the publish right');
  else if (!endpoint && !mayEdit(actor, p)) verdict = refuse(`${actor} may not edit this piece`);
  else if (publishing && changes && !mayPublish(actor)) {
    verdict = refuse(`making a piece ${to} needs the publish right`);
  } else if (changes && !mayPublish(actor) && guarded(p) === true) {
    verdict = refuse(`changing the status of a ${p.status} piece needs the publish right`);
  } else if (changes && !mayPublish(actor) && guarded(p) === 'open') {
    verdict = { allow: 'either', why: 'the rules leave withdrawn pieces open' };
  } else if (to === 'scheduled' && moment <= now) {
    verdict = refuse('a schedule must be in the future');
  } else if (to === 'withdrawn' && !p.wasPublic) {
    verdict = refuse('a piece never public cannot be withdrawn', /trash/i);
  } else verdict = allow();

  let ans: Answer;
  if (office) {
    const record = await r.world.record(p.id);
    ans = await (await r.session(actor)).post(`/admin/publications/${p.id}/status`, {
      to,
      version: String(record?.version ?? 1),
      scheduledAt: moment.slice(0, 16),
      withdrawnReason: reasonOf(reason),
    });
  } else if (endpoint) {
    const record = await r.world.record(p.id);
    const version = record?.version ?? 1;
    ans = await r.world.api(
      r.token(actor),
      'POST',
      `/api/v1/publications/${p.id}/${to === 'published' ? 'publish' : 'withdraw'}`,
      to === 'published' ? { version } : { version, reason: reasonOf(reason) },
    );
  } else {
    ans = await put(r, actor, p, {
      status: to,
      ...(to === 'scheduled' ? { scheduledAt: moment, publishedAt: p.publishedAt ?? moment } : {}),
      ...(to === 'withdrawn' ? { withdrawnReason: reasonOf(reason) } : {}),
    });
  }
  if (!r.judge(`status ${to}`, verdict, ans, office)) {
    r.model.ghosts.push(reason);
    return;
  }
  p.status = to;
  if (to === 'published') p.publishedAt ??= now;
  if (to === 'scheduled') {
    p.scheduledAt = moment;
    p.publishedAt ??= moment;
  }
  if (to === 'withdrawn') {
    retireField(p, 'reason', p.reason);
    p.reason = marker(reason);
  } else r.model.ghosts.push(reason);
}

export async function trashOp(
  r: Runner,
  kind: 'trash' | 'restore' | 'purge',
  actor: OfficeRole,
  ref: PieceRef,
): Promise<void> {
  const p = r.pick(
    ref,
    actor,
    kind === 'trash' ? undefined : (x) => x.trashedAt !== null && !x.purged,
  );
  const session = await r.session(actor);
  let verdict: Verdict;
  let path: string;
  if (kind === 'trash') {
    path = `/admin/publications/${p.id}/delete`;
    verdict =
      actor === 'contributor'
        ? refuse('contributors cannot delete')
        : r.gone(p)
          ? refuse('the piece is not there')
          : allow();
  } else {
    path = `/admin/trash/${p.id}/${kind}`;
    verdict =
      actor !== 'admin'
        ? refuse(`only admins ${kind}`)
        : p.purged || p.trashedAt === null
          ? refuse('the piece is not in the trash')
          : allow();
  }
  const ans = await session.post(path, {});
  if (!r.judge(kind, verdict, ans, true)) return;
  if (kind === 'trash') p.trashedAt = r.now();
  if (kind === 'restore') p.trashedAt = null;
  if (kind === 'purge') p.purged = true;
}

export async function attach(r: Runner, actor: ActorName, ref: PieceRef): Promise<void> {
  const p = r.pick(ref, actor);
  const office = isOffice(actor);
  if (office) await r.session(actor);
  const word = newMarker();
  const bytes = await writeTextPdf({
    title: `Annex ${word}`,
    pages: [`Annex ${word} to the report.`],
  });
  const verdict = r.gone(p)
    ? refuse('the piece is not there')
    : !mayEdit(actor, p)
      ? refuse(`${actor} may not add files to this piece`)
      : allow();
  const fileName = `${word}.pdf`;
  const role = p.pdfs.length === 0 ? 'main-pdf' : 'supplement';
  const ans = office
    ? await (await r.session(actor)).upload(
        `/admin/publications/${p.id}/files`,
        new File([new Uint8Array(bytes)], fileName, { type: 'application/pdf' }),
        { role },
      )
    : await r.world.api(
        r.token(actor),
        'POST',
        `/api/v1/publications/${p.id}/files?file_name=${fileName}&role=${role}`,
        new Uint8Array(bytes),
        'application/octet-stream',
      );
  if (!r.judge('attach', verdict, ans, office)) {
    r.model.ghosts.push(word);
    return;
  }
  p.pdfs.push(marker(word));
}
