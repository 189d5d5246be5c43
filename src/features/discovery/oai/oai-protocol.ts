/**
 * The vocabulary of OAI-PMH 2.0 (openarchives.org/OAI/openarchivesprotocol.html) as this
 * repository speaks it: six verbs, one metadata format (oai_dc), sets by section and by type.
 */
export const OAI_VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'ListIdentifiers',
  'ListRecords',
  'GetRecord',
] as const;
export type OaiVerb = (typeof OAI_VERBS)[number];

export const OAI_ERROR_CODES = [
  'badArgument',
  'badResumptionToken',
  'badVerb',
  'cannotDisseminateFormat',
  'idDoesNotExist',
  'noRecordsMatch',
  'noMetadataFormats',
  'noSetHierarchy',
] as const;
export type OaiErrorCode = (typeof OAI_ERROR_CODES)[number];

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

export const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
} as const;

/** Records per ListRecords or ListIdentifiers response; the rest follow by resumption token. */
export const OAI_PAGE_SIZE = 100;

/** A harvest window: sets and bounds as instants (`until` exclusive), never as raw strings. */
export interface OaiWindow {
  set: string | null;
  from: string | null;
  /** Exclusive. Fixed when a list starts, so that every page of it sees the same archive. */
  until: string;
}

/** Where a list stands: the last record sent (datestamp order, then id) and how many so far. */
export interface OaiPosition {
  afterStamp: string;
  afterId: number;
  cursor: number;
}
