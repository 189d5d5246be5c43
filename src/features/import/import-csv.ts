import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ZodType } from 'zod';
import type { Actor } from '../../core/actor.ts';
import type { NameScheme } from '../../core/content-types.ts';
import type { PersonInput, PlaceInput, PublicationInput } from '../../core/schemas.ts';
import { personInput, placeInput, publicationInput } from '../../core/schemas.ts';
import { slugify } from '../../core/slug.ts';
import { parseByline, personSlug, printedLabel, sortNameOf } from './bylines.ts';
import {
  CsvImportError,
  type CsvProblem,
  type CsvRow,
  PEOPLE_COLUMNS,
  PLACE_COLUMNS,
  PLACE_KINDS,
  PUBLICATION_COLUMNS,
  PUBLICATION_STATUSES,
  PUBLICATION_TYPES,
  RowReader,
  readCsvRows,
} from './csv-rows.ts';
import { type ImportDeps, ImportSession } from './import-session.ts';
import type { ImportSummary } from './import-summary.ts';

export const CSV_KINDS = ['publications', 'people', 'places'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export interface CsvImportOptions {
  file: string;
  kind: CsvKind;
  dryRun: boolean;
  actor: Actor;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a spreadsheet of publications, people or places. Every row is read and checked first
 * (cells, then the model's own schema, then references to places or parents); any problem
 * refuses the whole file with every problem listed by row and column, and nothing is written.
 */
export async function importCsv(
  deps: ImportDeps,
  options: CsvImportOptions,
): Promise<ImportSummary> {
  const text = await readFile(options.file, 'utf8');
  const session = new ImportSession(deps, {
    source: `csv:${options.kind}`,
    dryRun: options.dryRun,
    actor: options.actor,
  });
  if (options.kind === 'people') await importPeople(session, text, options);
  else if (options.kind === 'places') await importPlaces(session, text, options);
  else await importPublications(session, text, options);
  await session.finish({ file: basename(options.file), kind: options.kind });
  return session.summary.build();
}

/** Zod's field names → the spreadsheet's column names. */
const COLUMN_OF: Record<string, string> = {
  sortName: 'sort_name',
  nameKo: 'name_ko',
  publishedAt: 'published',
  externalUrl: 'external_url',
  reportNumber: 'report_number',
  coordinatesSource: 'coordinates_source',
  names: 'english',
};

function checkSchema(schema: ZodType, value: unknown, row: CsvRow, problems: CsvProblem[]): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '-');
    problems.push({ row: row.row, column: COLUMN_OF[field] ?? field, message: issue.message });
  }
}

function refuseIf(problems: CsvProblem[]): void {
  if (problems.length > 0) throw new CsvImportError(problems);
}

async function importPeople(session: ImportSession, text: string, options: CsvImportOptions) {
  const rows = readCsvRows(text, ['name'], PEOPLE_COLUMNS);
  const problems: CsvProblem[] = [];
  const planned: Array<{ key: string; input: PersonInput }> = [];
  for (const row of rows) {
    const r = new RowReader(row, problems);
    const name = r.text('name', true);
    const slug = r.slug('slug', name);
    if (!name || !slug) continue;
    const roles = r.list('roles').map((title) => ({ title }));
    const input: PersonInput = {
      slug,
      name,
      sortName: r.text('sort_name') ?? sortNameOf(name),
      nameKo: r.text('name_ko'),
      bio: r.text('bio'),
      orcid: r.text('orcid'),
      roles,
    };
    checkSchema(personInput, input, row, problems);
    planned.push({ key: r.text('key') ?? slug, input });
  }
  refuseIf(problems);
  let done = 0;
  for (const p of planned) {
    await session.upsertPerson(`person:${p.key}`, p.input);
    options.onProgress?.(++done, planned.length);
  }
}

const SCHEME_COLUMNS: Array<[string, NameScheme, string]> = [
  ['english', 'english', 'en'],
  ['hangul', 'hangul', 'ko'],
  ['hanja', 'hanja', 'ko-Hani'],
  ['mccune_reischauer', 'mccune-reischauer', 'ko-Latn'],
  ['revised', 'revised', 'ko-Latn'],
];

async function importPlaces(session: ImportSession, text: string, options: CsvImportOptions) {
  const rows = readCsvRows(text, ['kind'], PLACE_COLUMNS);
  const problems: CsvProblem[] = [];
  const planned: Array<{ key: string; row: CsvRow; parent: string | null; input: PlaceInput }> = [];
  for (const row of rows) {
    const r = new RowReader(row, problems);
    const names = SCHEME_COLUMNS.flatMap(([column, scheme, language]) => {
      const name = r.text(column);
      return name ? [{ name, language, scheme, preferred: false }] : [];
    });
    for (const other of r.list('other_names')) {
      names.push({
        name: other,
        language: /\p{Script=Hangul}/u.test(other) ? 'ko' : 'und',
        scheme: 'other',
        preferred: false,
      });
    }
    const first = names[0];
    if (first) first.preferred = true;
    else
      r.fail(
        'english',
        'A place needs at least one name (english, hangul, hanja, mccune_reischauer, revised or other_names)',
      );
    const slug = r.slug(
      'slug',
      names.find((n) => n.scheme !== 'hangul' && n.scheme !== 'hanja')?.name ?? null,
    );
    if (!slug && first) r.fail('slug', 'Give a slug: the place has no name in Latin letters');
    const kind = r.oneOf('kind', PLACE_KINDS);
    const input: PlaceInput = {
      slug: slug ?? 'x',
      kind: kind ?? 'region',
      parentId: null,
      latitude: r.number('latitude', -90, 90),
      longitude: r.number('longitude', -180, 180),
      coordinatesSource: r.text('coordinates_source'),
      names: names.map((n) => ({ ...n, language: n.language === 'und' ? 'en' : n.language })),
    };
    checkSchema(placeInput, input, row, problems);
    planned.push({ key: r.text('key') ?? input.slug, row, parent: r.text('parent'), input });
  }
  // Parents first: a row may name a parent further down the file, or one already in the archive.
  const bySlug = new Map(planned.map((p) => [p.input.slug, p]));
  const ordered: typeof planned = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: (typeof planned)[number]) => {
    const s = state.get(p.input.slug);
    if (s === 'done') return;
    if (s === 'visiting') {
      problems.push({
        row: p.row.row,
        column: 'parent',
        message: 'The parents of this place go round in a circle',
      });
      return;
    }
    state.set(p.input.slug, 'visiting');
    const parent = p.parent ? bySlug.get(p.parent) : undefined;
    if (parent) visit(parent);
    state.set(p.input.slug, 'done');
    ordered.push(p);
  };
  for (const p of planned) visit(p);
  for (const p of planned) {
    if (
      p.parent &&
      !bySlug.has(p.parent) &&
      !(await session.deps.repos.places.findBySlug(p.parent))
    ) {
      problems.push({
        row: p.row.row,
        column: 'parent',
        message: `No place “${p.parent}” in the file or the archive`,
      });
    }
  }
  refuseIf(problems);
  const ids = new Map<string, number>();
  let done = 0;
  for (const p of ordered) {
    const parentId = p.parent
      ? (ids.get(p.parent) ?? (await session.deps.repos.places.findBySlug(p.parent))?.id ?? null)
      : null;
    const id = await session.upsertPlace(`place:${p.key}`, { ...p.input, parentId });
    ids.set(p.input.slug, id);
    options.onProgress?.(++done, ordered.length);
  }
}

async function importPublications(session: ImportSession, text: string, options: CsvImportOptions) {
  const rows = readCsvRows(text, ['section', 'title'], PUBLICATION_COLUMNS);
  const problems: CsvProblem[] = [];
  type Planned = {
    key: string;
    section: string;
    authors: ReturnType<typeof parseByline>;
    topics: string[];
    places: number[];
    input: Omit<PublicationInput, 'sectionId'>;
  };
  const planned: Planned[] = [];
  for (const row of rows) {
    const r = new RowReader(row, problems);
    const section = r.text('section', true);
    const title = r.text('title', true);
    const slug = r.slug('slug', title);
    const status = r.oneOf('status', PUBLICATION_STATUSES, 'draft');
    const published = r.date('published');
    const places: number[] = [];
    for (const p of r.list('places')) {
      const place = await session.deps.repos.places.findBySlug(p);
      if (place) places.push(place.id);
      else r.fail('places', `No place “${p}” in the archive (import the gazetteer first)`);
    }
    const input: Omit<PublicationInput, 'sectionId'> = {
      slug: slug ?? 'x',
      type: r.oneOf('type', PUBLICATION_TYPES, 'article') ?? 'article',
      title: title ?? '',
      subtitle: r.text('subtitle'),
      summary: r.text('summary'),
      body: r.text('body') ?? '',
      language: r.text('language') ?? 'en',
      status: status ?? 'draft',
      publishedAt: published,
      externalUrl: r.text('external_url'),
      reportNumber: r.text('report_number'),
      doi: r.text('doi'),
      placeIds: places,
    };
    checkSchema(publicationInput, { ...input, sectionId: 1 }, row, problems);
    const authors = r.list('authors').flatMap((a) => parseByline(a));
    planned.push({
      key: r.text('key') ?? `${section}/${input.slug}`,
      section: section ?? '',
      authors,
      topics: r.list('topics'),
      places,
      input,
    });
  }
  refuseIf(problems);
  let done = 0;
  for (const p of planned) {
    const words = p.section.replace(/-/g, ' ');
    const sectionId = await session.section(
      p.section,
      words.charAt(0).toUpperCase() + words.slice(1),
    );
    const contributions = [];
    for (const a of p.authors) {
      const personId = await session.person(`person:${personSlug(a.name)}`, {
        slug: personSlug(a.name),
        name: a.name,
        sortName: sortNameOf(a.name),
        roles: [],
      });
      contributions.push({
        personId,
        role: a.role,
        credit: a.credit,
        affiliationLabel: printedLabel(a),
      });
    }
    const topicIds: number[] = [];
    for (const t of p.topics)
      topicIds.push(await session.topic(`topic:${slugify(t)}`, slugify(t), t));
    await session.publication(`publication:${p.key}`, {
      ...p.input,
      sectionId,
      contributions,
      topicIds,
    });
    options.onProgress?.(++done, planned.length);
  }
}
