import type { PublicationType } from '../../../core/content-types.ts';
import type { Section } from '../../../core/entities.ts';
import type { HarvestRow, HarvestWindow } from '../../../core/repositories/harvest-repository.ts';
import type { Repositories } from '../../../core/repositories.ts';
import type { MessageKey } from '../../../ui/i18n/messages.en.ts';
import { translator } from '../../../ui/i18n/translate.ts';
import type { ReadingRepos } from '../../reading/index.ts';
import { loadWorks } from '../load-works.ts';
import { loadScholarlyContext } from '../scholarly-context.ts';
import { datestamp } from './oai-dates.ts';
import { oaiDc } from './oai-dc.ts';
import { oaiIdentifier, parseOaiIdentifier } from './oai-identifier.ts';
import { OAI_DC, OAI_PAGE_SIZE, type OaiError, type OaiWindow } from './oai-protocol.ts';
import { parseOaiRequest } from './oai-request.ts';
import {
  type OaiAnswer,
  type OaiEnvelope,
  type OaiRecordOut,
  oaiAnswerXml,
  oaiErrorXml,
} from './oai-response.ts';
import { listSets, setFilter, setSpecsOf } from './oai-sets.ts';
import { encodeToken } from './resumption-token.ts';

/** What answering a harvester reads: the public archive, and the harvest's own queries. */
type HarvestingRepos = ReadingRepos & Pick<Repositories, 'harvest'>;

/**
 * Answers one OAI-PMH request with the XML to send. The protocol's parsing and writing live in
 * scholarly/oai/; this service runs the request against the archive, through the harvest
 * repository's queries (public work and tombstones only).
 */
export async function answerOai(
  repos: HarvestingRepos,
  publicUrl: string,
  args: Array<[string, string]>,
  now: Date,
  pageSize = OAI_PAGE_SIZE,
): Promise<string> {
  const parsed = parseOaiRequest(args);
  const env = (echo: Record<string, string> | null): OaiEnvelope => ({
    responseDate: datestamp(now.toISOString()),
    baseUrl: `${publicUrl}/oai`,
    echo,
  });
  if (!parsed.ok) {
    const silent = parsed.errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument');
    return oaiErrorXml(env(silent ? null : parsed.args), parsed.errors);
  }
  const result = await run(repos, publicUrl, parsed.request, now, pageSize);
  return 'errors' in result
    ? oaiErrorXml(env(parsed.args), result.errors)
    : oaiAnswerXml(env(parsed.args), result);
}

type Outcome = OaiAnswer | { errors: OaiError[] };
type Request = Extract<ReturnType<typeof parseOaiRequest>, { ok: true }>['request'];

async function run(
  repos: HarvestingRepos,
  publicUrl: string,
  request: Request,
  now: Date,
  pageSize: number,
): Promise<Outcome> {
  const cannotDisseminate = (prefix: string): OaiError[] =>
    prefix === OAI_DC.prefix
      ? []
      : [
          {
            code: 'cannotDisseminateFormat',
            message: `Records are available as oai_dc, not "${prefix}".`,
          },
        ];
  switch (request.verb) {
    case 'Identify': {
      const [ctx, earliest] = await Promise.all([
        loadScholarlyContext(repos, publicUrl),
        repos.harvest.earliestDatestamp(now),
      ]);
      return {
        verb: 'Identify',
        identify: {
          repositoryName: ctx.siteName,
          adminEmails: [ctx.syndication.adminEmail ?? fallbackEmail(publicUrl)],
          earliestDatestamp: datestamp(earliest ?? now.toISOString()),
        },
      };
    }
    case 'ListMetadataFormats': {
      if (
        request.identifier !== null &&
        !(await findRecord(repos, publicUrl, request.identifier, now))
      ) {
        return { errors: [unknownId(request.identifier)] };
      }
      return { verb: 'ListMetadataFormats' };
    }
    case 'ListSets': {
      const en = translator('en');
      const sections = await repos.sections.list();
      return { verb: 'ListSets', sets: listSets(sections, (t) => en(`type.${t}` as MessageKey)) };
    }
    case 'GetRecord': {
      const row = await findRecord(repos, publicUrl, request.identifier, now);
      const errors = [
        ...(row ? [] : [unknownId(request.identifier)]),
        ...cannotDisseminate(request.metadataPrefix),
      ];
      if (!row || errors.length > 0) return { errors };
      const [record] = await recordsOut(repos, publicUrl, [row], true);
      return { verb: 'GetRecord', record: record! };
    }
    default: {
      const resumed = 'resumption' in request ? request.resumption : null;
      const prefix = resumed
        ? resumed.prefix
        : 'metadataPrefix' in request
          ? request.metadataPrefix
          : '';
      const errors = cannotDisseminate(prefix);
      if (errors.length > 0) return { errors };
      // Without `until`, the list ends at the moment it starts (inclusive), so every page of it
      // sees the same archive; what changes meanwhile waits for the next harvest.
      const startedAt = new Date(now.getTime() + 1).toISOString();
      const window: OaiWindow = resumed
        ? { set: resumed.set, from: resumed.from, until: resumed.until }
        : 'metadataPrefix' in request
          ? {
              set: request.set,
              from: request.from,
              until:
                request.until !== null && request.until < startedAt ? request.until : startedAt,
            }
          : { set: null, from: null, until: startedAt };
      const query = await harvestWindow(repos, window);
      const none: OaiError = { code: 'noRecordsMatch', message: 'No records match this request.' };
      if (!query) return { errors: [none] };
      const after = resumed ? { datestamp: resumed.afterStamp, id: resumed.afterId } : null;
      const [rows, total] = await Promise.all([
        repos.harvest.harvest(query, after, pageSize + 1, now),
        repos.harvest.countHarvest(query, now),
      ]);
      if (rows.length === 0) return { errors: [none] };
      const page = rows.slice(0, pageSize);
      const cursor = resumed?.cursor ?? 0;
      const last = page[page.length - 1]!;
      const more = rows.length > pageSize;
      const records = await recordsOut(repos, publicUrl, page, request.verb === 'ListRecords');
      const resumption =
        more || resumed
          ? {
              token: more
                ? encodeToken(request.verb, prefix, window, {
                    afterStamp: last.datestamp,
                    afterId: last.publication.id,
                    cursor: cursor + page.length,
                  })
                : '',
              completeListSize: total,
              cursor,
            }
          : null;
      return { verb: request.verb, records, resumption };
    }
  }
}

/** The catalog's window for a set, or null when the set names nothing in this archive. */
async function harvestWindow(
  repos: HarvestingRepos,
  window: OaiWindow,
): Promise<HarvestWindow | null> {
  const filter = setFilter(window.set);
  if ('none' in filter) return null;
  const base = { from: window.from, until: window.until };
  if ('sectionSlug' in filter) {
    const section = await repos.sections.findBySlug(filter.sectionSlug);
    return section ? { ...base, sectionId: section.id } : null;
  }
  if ('type' in filter) return { ...base, type: filter.type };
  return base;
}

async function findRecord(
  repos: HarvestingRepos,
  publicUrl: string,
  identifier: string,
  now: Date,
) {
  const id = parseOaiIdentifier(publicUrl, identifier);
  return id === null ? undefined : repos.harvest.harvestRecord(id, now);
}

function unknownId(identifier: string): OaiError {
  return { code: 'idDoesNotExist', message: `No record has the identifier "${identifier}".` };
}

async function recordsOut(
  repos: HarvestingRepos,
  publicUrl: string,
  rows: HarvestRow[],
  withMetadata: boolean,
): Promise<OaiRecordOut[]> {
  const sections = new Map<number, Section>((await repos.sections.list()).map((s) => [s.id, s]));
  const live = rows.filter((r) => !r.deleted).map((r) => r.publication);
  const works =
    withMetadata && live.length > 0
      ? new Map(
          (await loadWorks(repos, await loadScholarlyContext(repos, publicUrl), live)).map((w) => [
            w.publication.id,
            w.work,
          ]),
        )
      : new Map();
  return rows.map((r) => {
    const work = works.get(r.publication.id);
    return {
      identifier: oaiIdentifier(publicUrl, r.publication.id),
      datestamp: datestamp(r.datestamp),
      setSpecs: setSpecsOf({
        sectionSlug: sections.get(r.publication.sectionId)?.slug ?? 'unknown',
        type: r.publication.type as PublicationType,
      }),
      deleted: r.deleted,
      metadataXml: work ? oaiDc(work) : null,
    };
  });
}

/**
 * The protocol requires an administrator's address. Until one is set under the "syndication"
 * setting, the conventional webmaster mailbox (RFC 2142) at the public host stands in; a host
 * without a dot (localhost) cannot take mail, so its stand-in is marked .invalid (RFC 2606).
 */
function fallbackEmail(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return `webmaster@${host.includes('.') ? host : `${host}.invalid`}`;
}
