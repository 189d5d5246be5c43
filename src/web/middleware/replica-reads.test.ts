import { describe, expect, it } from 'vitest';
import { readsFromReplica } from './replica-reads.ts';

describe('whose reads a replica may answer', () => {
  const anonymous = (url: string, extra: object = {}) =>
    readsFromReplica({ method: 'GET', url, ...extra });

  it('an anonymous reader of pages, search, feeds and the API', () => {
    for (const url of [
      '/',
      '/reports/a-piece/',
      '/ko/search?q=%EC%A0%84',
      '/feed.xml',
      '/api/v1/publications/3',
    ]) {
      expect(anonymous(url), url).toBe(true);
    }
  });

  it('not staff, previews, harvesters, the sync listing, the health check or a write', () => {
    expect(anonymous('/reports/a/', { cookie: 'theme=dark; __Host-dossier_session=abc' })).toBe(
      false,
    );
    expect(anonymous('/api/v1/publications', { authorization: 'Bearer t' })).toBe(false);
    for (const url of [
      '/admin/',
      '/ko/admin/publications',
      '/preview/abc',
      '/oai?verb=ListRecords',
      '/healthz',
      '/api/v1/publications?updated_since=2020-01-01T00:00:00Z',
      '/api/v1/publications?limit=10&cursor=abc',
    ]) {
      expect(anonymous(url), url).toBe(false);
    }
    expect(readsFromReplica({ method: 'POST', url: '/search' })).toBe(false);
  });
});
