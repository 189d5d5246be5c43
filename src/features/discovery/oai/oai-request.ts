import { parseOaiDate } from './oai-dates.ts';
import { OAI_VERBS, type OaiError, type OaiVerb } from './oai-protocol.ts';
import { decodeToken, type ResumptionState } from './resumption-token.ts';

/**
 * Reads an OAI-PMH request's arguments (from the query string of a GET or the form body of a
 * POST) into a checked request, or into the errors the protocol prescribes (section 3.6):
 * badVerb for a missing, repeated or unknown verb; badArgument for a missing, repeated, unknown
 * or malformed argument; badResumptionToken for a token this repository did not issue.
 */
export type OaiRequest =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier: string | null }
  | { verb: 'ListSets' }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string }
  | {
      verb: 'ListRecords' | 'ListIdentifiers';
      metadataPrefix: string;
      set: string | null;
      from: string | null;
      /** Exclusive, or null to mean "up to the moment the list starts". */
      until: string | null;
    }
  | { verb: 'ListRecords' | 'ListIdentifiers'; resumption: ResumptionState };

export type ParsedOaiRequest =
  | { ok: true; request: OaiRequest; args: Record<string, string> }
  | { ok: false; errors: OaiError[]; verb: OaiVerb | null; args: Record<string, string> };

const ALLOWED: Record<OaiVerb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
};

export function parseOaiRequest(pairs: Array<[string, string]>): ParsedOaiRequest {
  const values = new Map<string, string[]>();
  for (const [k, v] of pairs) values.set(k, [...(values.get(k) ?? []), v]);
  const args = Object.fromEntries([...values].map(([k, v]) => [k, v[0] ?? '']));
  const verbs = values.get('verb') ?? [];
  const verb =
    verbs.length === 1 && (OAI_VERBS as readonly string[]).includes(verbs[0]!)
      ? (verbs[0] as OaiVerb)
      : null;
  const fail = (errors: OaiError[]): ParsedOaiRequest => ({ ok: false, errors, verb, args });
  if (verbs.length === 0) return fail([{ code: 'badVerb', message: 'The request names no verb.' }]);
  if (verbs.length > 1)
    return fail([{ code: 'badVerb', message: 'The verb argument is repeated.' }]);
  if (!verb) return fail([{ code: 'badVerb', message: `"${verbs[0]}" is not an OAI-PMH verb.` }]);

  const rules = ALLOWED[verb];
  const errors: OaiError[] = [];
  for (const [name, list] of values) {
    if (name === 'verb') continue;
    const known =
      rules.required.includes(name) || rules.optional.includes(name) || rules.exclusive === name;
    if (!known)
      errors.push({ code: 'badArgument', message: `${verb} takes no argument "${name}".` });
    else if (list.length > 1)
      errors.push({ code: 'badArgument', message: `The argument "${name}" is repeated.` });
  }
  if (errors.length > 0) return fail(errors);

  if (rules.exclusive && values.has(rules.exclusive)) {
    if (values.size > 2) {
      return fail([
        {
          code: 'badArgument',
          message: 'A resumptionToken must be the only argument besides the verb.',
        },
      ]);
    }
    const state = verb === 'ListSets' ? null : decodeToken(args.resumptionToken ?? '');
    if (!state || state.verb !== verb) {
      return fail([
        { code: 'badResumptionToken', message: 'This resumption token is invalid here.' },
      ]);
    }
    return {
      ok: true,
      request: { verb: verb as 'ListRecords' | 'ListIdentifiers', resumption: state },
      args,
    };
  }

  for (const name of rules.required) {
    if (!args[name])
      errors.push({ code: 'badArgument', message: `${verb} needs the argument "${name}".` });
  }
  // Values that the response's <request> element could not echo as schema-valid attributes are
  // malformed arguments, not unknown formats or identifiers.
  if (args.metadataPrefix && !/^[A-Za-z0-9\-_.!~*'()]+$/.test(args.metadataPrefix)) {
    errors.push({
      code: 'badArgument',
      message: `"${args.metadataPrefix}" is not a metadataPrefix.`,
    });
  }
  if (args.identifier !== undefined && !/^[\x21-\x7e]+$/.test(args.identifier)) {
    errors.push({ code: 'badArgument', message: 'The identifier is not a URI.' });
  }
  if (errors.length > 0) return fail(errors);

  switch (verb) {
    case 'Identify':
    case 'ListSets':
      return { ok: true, request: { verb }, args };
    case 'ListMetadataFormats':
      return { ok: true, request: { verb, identifier: args.identifier ?? null }, args };
    case 'GetRecord':
      return {
        ok: true,
        request: { verb, identifier: args.identifier!, metadataPrefix: args.metadataPrefix! },
        args,
      };
    default: {
      const from = args.from !== undefined ? parseOaiDate(args.from) : null;
      const until = args.until !== undefined ? parseOaiDate(args.until) : null;
      if (args.from !== undefined && !from)
        errors.push({
          code: 'badArgument',
          message: `"${args.from}" is not a UTC date or datetime.`,
        });
      if (args.until !== undefined && !until)
        errors.push({
          code: 'badArgument',
          message: `"${args.until}" is not a UTC date or datetime.`,
        });
      if (from && until && from.granularity !== until.granularity) {
        errors.push({
          code: 'badArgument',
          message: 'from and until must have the same granularity.',
        });
      } else if (from && until && from.start > until.start) {
        errors.push({ code: 'badArgument', message: 'from is later than until.' });
      }
      if (
        args.set !== undefined &&
        !/^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(args.set)
      ) {
        errors.push({ code: 'badArgument', message: `"${args.set}" is not a setSpec.` });
      }
      if (errors.length > 0) return fail(errors);
      return {
        ok: true,
        request: {
          verb,
          metadataPrefix: args.metadataPrefix!,
          set: args.set ?? null,
          from: from?.start ?? null,
          until: until?.end ?? null,
        },
        args,
      };
    }
  }
}
