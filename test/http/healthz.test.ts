import { expect, it } from 'vitest';
import { connect } from '../../src/infra/db/connect.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';

describeEachDatabase('GET /healthz', (db) => {
  it('answers 200 when the database answers', async () => {
    const app = createApp(await testContext(db()));
    const res = await app.request('http://localhost/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    const t = db();
    const broken = connect(t.config, t.schema ? { schema: t.schema } : {});
    const ctx = await testContext({ ...t, db: broken });
    await broken.close();
    const res = await createApp(ctx).request('http://localhost/healthz');
    expect(res.status).toBe(503);
  });

  it('sends the security headers on every response', async () => {
    const res = await createApp(await testContext(db())).request('http://localhost/healthz');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(res.headers.get('permissions-policy')).toBeTruthy();
  });
});
