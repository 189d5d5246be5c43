import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { MAX_RECORD_ID, recordIdFrom } from '../../src/core/record-id.ts';
import { createApp } from '../../src/web/app.tsx';
import { Browserish, makeStaff } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';

const HUGE = '99999999999';
const JUST_PAST = String(MAX_RECORD_ID + 1);

/**
 * An id past what a record can have names nothing. PostgreSQL's 32-bit ids would refuse such a
 * number in the query itself; every surface answers as for any unknown id instead.
 */
describeEachDatabase('ids larger than any record can have', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let editor: Browserish;

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock());
    app = createApp(ctx);
    editor = new Browserish(app, ctx.config.publicUrl);
    expect((await editor.signIn(await makeStaff(ctx, 'editor'), ctx)).status).toBe(303);
  }, 60_000);

  const get = (path: string) => app.request(`http://localhost${path}`);
  const host = () => new URL(ctx.config.publicUrl).hostname;

  it('reads only whole numbers within the range of stored ids', () => {
    expect(recordIdFrom(String(MAX_RECORD_ID))).toBe(MAX_RECORD_ID);
    for (const text of [JUST_PAST, HUGE, '0', '012', '-1', '1e3', '', undefined]) {
      expect(recordIdFrom(text)).toBeNull();
    }
  });

  for (const id of [JUST_PAST, HUGE]) {
    it(`answers the API, its files and OAI-PMH for id ${id} as for an unknown one`, async () => {
      expect((await get(`/api/v1/publications/${id}`)).status).toBe(404);
      expect((await get(`/api/v1/people/${id}`)).status).toBe(404);
      expect([400, 404]).toContain((await get(`/api/v1/publications/${id}/files/a.pdf`)).status);
      for (const verb of ['GetRecord&metadataPrefix=oai_dc', 'ListMetadataFormats']) {
        const res = await get(`/oai?verb=${verb}&identifier=oai:${host()}:${id}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('idDoesNotExist');
      }
    });

    it(`answers the back office for id ${id} with a plain not-found`, async () => {
      for (const path of [
        `/admin/publications/${id}`,
        `/admin/people/${id}`,
        `/admin/publications/${id}/revisions`,
      ]) {
        expect((await editor.request(path)).status, path).not.toBe(500);
        expect([403, 404]).toContain((await editor.request(path)).status);
      }
    });
  }
});
