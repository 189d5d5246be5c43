import { HtmlValidate } from 'html-validate';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';
import { getPage } from '../support/html.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:document'],
  rules: { 'long-title': 'off' },
});

describeEachDatabase('the API reference page', (db) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp(await testContext(db(), fixedClock()));
  }, 60_000);

  it('is valid HTML drawn from the OpenAPI document: every operation and shape appears', async () => {
    const doc = (await (await app.request('http://localhost/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    const { res, body, $ } = await getPage(app, '/api/v1/docs');
    expect(res.status).toBe(200);
    const report = await validator.validateString(body);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId} ${m.message}`),
    );
    expect(problems).toEqual([]);
    const headings = $('h3 code')
      .map((_, el) => $(el).text().replace(/\s+/g, ' ').trim())
      .get();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        expect(headings).toContain(`${method.toUpperCase()} ${path}`);
      }
    }
    for (const name of Object.keys(doc.components.schemas)) {
      expect($(`section[id="schema-${name.toLowerCase()}"]`).length, name).toBe(1);
    }
    // Nothing runs and nothing is fetched from elsewhere.
    expect($('script').length).toBe(0);
    expect($('[style]').length).toBe(0);
    expect($('link[rel=stylesheet]').attr('href')).toMatch(/^\/assets\//);
  });

  it('sends each problem type to its entry on the reference page', async () => {
    const res = await app.request('http://localhost/api/v1/problems/conflict');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/api/v1/docs#problem-conflict');
  });
});
