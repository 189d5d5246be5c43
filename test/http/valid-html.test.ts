import { HtmlValidate } from 'html-validate';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { DEMO_PAGE_TYPES, demoContext } from '../support/demo-context.ts';

/** Every page type, in both interface languages, checked by html-validate's document rules. */
const PAGES = [...DEMO_PAGE_TYPES, '/search?q=Hamgyong', '/admin/sign-in'];

const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:document'],
  // A title names the page and the archive; the length rule is about search snippets, not validity.
  rules: { 'long-title': 'off' },
});

describeEachDatabase('valid HTML', (db) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp(await demoContext(db()));
  }, 120_000);

  it('serves every page type as valid HTML in English and Korean', async () => {
    const problems: string[] = [];
    for (const locale of ['', '/ko']) {
      for (const path of PAGES) {
        const url = path.startsWith('/admin') ? path : `${locale}${path}`;
        const html = await (await app.request(`http://localhost${url}`)).text();
        const report = await validator.validateString(html);
        for (const r of report.results)
          for (const m of r.messages) problems.push(`${url}: ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
