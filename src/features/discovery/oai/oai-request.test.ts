import { describe, expect, it } from 'vitest';
import { datestamp, parseOaiDate } from './oai-dates.ts';
import { parseOaiRequest } from './oai-request.ts';
import { decodeToken, encodeToken } from './resumption-token.ts';

const parse = (query: string) => parseOaiRequest([...new URLSearchParams(query)]);
const codes = (query: string) => {
  const r = parse(query);
  return r.ok ? [] : r.errors.map((e) => e.code);
};

describe('OAI-PMH dates', () => {
  it('reads a day as the whole day and a second as that second, both UTC', () => {
    expect(parseOaiDate('2016-09-16')).toEqual({
      granularity: 'day',
      start: '2016-09-16T00:00:00.000Z',
      end: '2016-09-17T00:00:00.000Z',
    });
    expect(parseOaiDate('2016-09-16T23:59:59Z')).toEqual({
      granularity: 'second',
      start: '2016-09-16T23:59:59.000Z',
      end: '2016-09-17T00:00:00.000Z',
    });
  });

  it('refuses local times, fractions, offsets and days that do not exist', () => {
    for (const bad of [
      '2016-09-16T12:00:00',
      '2016-09-16T12:00:00.5Z',
      '2016-09-16T12:00:00+01:00',
      '2016-02-30',
      '16-09-16',
      '2016-9-16',
    ]) {
      expect(parseOaiDate(bad), bad).toBeNull();
    }
  });

  it('writes datestamps in UTC to the second', () => {
    expect(datestamp('2016-07-25T09:30:12.345Z')).toBe('2016-07-25T09:30:12Z');
  });
});

describe('OAI-PMH request arguments', () => {
  it('answers badVerb for a missing, repeated or unknown verb', () => {
    expect(codes('')).toEqual(['badVerb']);
    expect(codes('verb=Identify&verb=Identify')).toEqual(['badVerb']);
    expect(codes('verb=ListEverything')).toEqual(['badVerb']);
  });

  it('answers badArgument for unknown, repeated, missing or malformed arguments', () => {
    expect(codes('verb=Identify&set=x')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc')).toEqual([
      'badArgument',
    ]);
    expect(codes('verb=ListRecords')).toEqual(['badArgument']);
    expect(codes('verb=GetRecord&identifier=oai:x:1')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&from=yesterday')).toEqual(['badArgument']);
    expect(
      codes('verb=ListRecords&metadataPrefix=oai_dc&from=2016-01-01&until=2016-01-01T00:00:00Z'),
    ).toEqual(['badArgument']);
    expect(
      codes('verb=ListRecords&metadataPrefix=oai_dc&from=2017-01-01&until=2016-01-01'),
    ).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&set=bad set')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai dc')).toEqual(['badArgument']);
  });

  it('takes a resumption token only on its own, and only one this repository issued', () => {
    const token = encodeToken(
      'ListRecords',
      'oai_dc',
      { set: null, from: null, until: '2026-06-01T12:00:00.001Z' },
      { afterStamp: '2026-06-01T12:00:00.000Z', afterId: 100, cursor: 100 },
    );
    expect(parse(`verb=ListRecords&resumptionToken=${token}`).ok).toBe(true);
    expect(codes(`verb=ListRecords&resumptionToken=${token}&metadataPrefix=oai_dc`)).toEqual([
      'badArgument',
    ]);
    expect(codes(`verb=ListIdentifiers&resumptionToken=${token}`)).toEqual(['badResumptionToken']);
    expect(codes('verb=ListRecords&resumptionToken=garbage')).toEqual(['badResumptionToken']);
    expect(codes('verb=ListSets&resumptionToken=anything')).toEqual(['badResumptionToken']);
  });

  it('reads the window: from inclusive, until to the end of its day or second', () => {
    const r = parse(
      'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2016-01-01&until=2016-12-31&set=section:reports',
    );
    expect(r.ok && r.request).toEqual({
      verb: 'ListIdentifiers',
      metadataPrefix: 'oai_dc',
      set: 'section:reports',
      from: '2016-01-01T00:00:00.000Z',
      until: '2017-01-01T00:00:00.000Z',
    });
  });
});

describe('resumption tokens', () => {
  const window = {
    set: 'type:report',
    from: '2016-01-01T00:00:00.000Z',
    until: '2026-06-01T12:00:00.001Z',
  };
  const position = { afterStamp: '2020-01-01T00:00:00.000Z', afterId: 7, cursor: 100 };

  it('carry the whole list state and come back unchanged', () => {
    const state = decodeToken(encodeToken('ListIdentifiers', 'oai_dc', window, position));
    expect(state).toEqual({
      v: 1,
      verb: 'ListIdentifiers',
      prefix: 'oai_dc',
      ...window,
      ...position,
    });
  });

  it('refuse a token whose fields were changed into something this repository never writes', () => {
    const tamper = (patch: Record<string, unknown>) =>
      Buffer.from(
        JSON.stringify({
          v: 1,
          verb: 'ListRecords',
          prefix: 'oai_dc',
          ...window,
          ...position,
          ...patch,
        }),
      ).toString('base64url');
    expect(decodeToken(tamper({}))).not.toBeNull();
    expect(decodeToken(tamper({ cursor: -1 }))).toBeNull();
    expect(decodeToken(tamper({ until: 'tomorrow' }))).toBeNull();
    expect(decodeToken(tamper({ extra: true }))).toBeNull();
    expect(decodeToken(tamper({ verb: 'GetRecord' }))).toBeNull();
  });
});
