import { attributes, element, XML_DECLARATION, xmlText } from '../xml.ts';
import { OAI_DC, type OaiError } from './oai-protocol.ts';
import type { OaiSet } from './oai-sets.ts';

/**
 * Writes OAI-PMH 2.0 responses. Everything about HTTP stays in the route; everything about the
 * archive stays in the service: this module only turns answers into the XML the schema expects
 * (a test validates every verb's answer and every error against OAI-PMH.xsd with xmllint).
 */
export interface OaiRecordOut {
  identifier: string;
  datestamp: string;
  setSpecs: string[];
  deleted: boolean;
  /** The oai_dc element, for ListRecords and GetRecord of a live record. */
  metadataXml: string | null;
}

export interface IdentifyOut {
  repositoryName: string;
  adminEmails: string[];
  earliestDatestamp: string;
}

export interface ResumptionOut {
  /** Empty on the last page of a list, as 3.5 requires. */
  token: string;
  completeListSize: number;
  cursor: number;
}

export type OaiAnswer =
  | { verb: 'Identify'; identify: IdentifyOut }
  | { verb: 'ListMetadataFormats' }
  | { verb: 'ListSets'; sets: OaiSet[] }
  | { verb: 'GetRecord'; record: OaiRecordOut }
  | {
      verb: 'ListRecords' | 'ListIdentifiers';
      records: OaiRecordOut[];
      resumption: ResumptionOut | null;
    };

export interface OaiEnvelope {
  responseDate: string;
  baseUrl: string;
  /** The request's arguments, echoed as attributes; left out after badVerb or badArgument (3.2). */
  echo: Record<string, string> | null;
}

const ROOT_OPEN =
  '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">';

export function oaiAnswerXml(env: OaiEnvelope, answer: OaiAnswer): string {
  return frame(env, env.echo, `<${answer.verb}>${body(answer, env.baseUrl)}</${answer.verb}>`);
}

export function oaiErrorXml(env: OaiEnvelope, errors: OaiError[]): string {
  return frame(
    env,
    env.echo,
    errors.map((e) => element('error', e.message, { code: e.code })).join('\n'),
  );
}

function frame(env: OaiEnvelope, echo: Record<string, string> | null, inner: string): string {
  return [
    XML_DECLARATION.trimEnd(),
    ROOT_OPEN,
    element('responseDate', env.responseDate),
    `<request${attributes(echo ?? {})}>${xmlText(env.baseUrl)}</request>`,
    inner,
    '</OAI-PMH>',
    '',
  ].join('\n');
}

function body(answer: OaiAnswer, baseUrl: string): string {
  switch (answer.verb) {
    case 'Identify': {
      const i = answer.identify;
      return [
        element('repositoryName', i.repositoryName),
        element('baseURL', baseUrl),
        element('protocolVersion', '2.0'),
        ...i.adminEmails.map((e) => element('adminEmail', e)),
        element('earliestDatestamp', i.earliestDatestamp),
        element('deletedRecord', 'persistent'),
        element('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
      ].join('');
    }
    case 'ListMetadataFormats':
      return `<metadataFormat>${element('metadataPrefix', OAI_DC.prefix)}${element('schema', OAI_DC.schema)}${element('metadataNamespace', OAI_DC.namespace)}</metadataFormat>`;
    case 'ListSets':
      return answer.sets
        .map((s) => `<set>${element('setSpec', s.spec)}${element('setName', s.name)}</set>`)
        .join('\n');
    case 'GetRecord':
      return record(answer.record, true);
    case 'ListIdentifiers':
    case 'ListRecords': {
      const full = answer.verb === 'ListRecords';
      const items = answer.records.map((r) => (full ? record(r, true) : header(r)));
      const r = answer.resumption;
      if (r)
        items.push(
          element('resumptionToken', r.token, {
            completeListSize: r.completeListSize,
            cursor: r.cursor,
          }),
        );
      return items.join('\n');
    }
  }
}

function header(r: OaiRecordOut): string {
  return `<header${r.deleted ? ' status="deleted"' : ''}>${element('identifier', r.identifier)}${element('datestamp', r.datestamp)}${r.setSpecs.map((s) => element('setSpec', s)).join('')}</header>`;
}

function record(r: OaiRecordOut, withMetadata: boolean): string {
  const metadata =
    withMetadata && !r.deleted && r.metadataXml ? `<metadata>${r.metadataXml}</metadata>` : '';
  return `<record>${header(r)}${metadata}</record>`;
}
