import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { addUser } from '../../src/features/accounts/manage-users.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock } from '../support/factories.ts';
import { totpCodeAt } from '../support/totp.ts';
import { backOffice } from './back-office-support.ts';

describeEachDatabase('the recovery codes page after set-up', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  const clock = fixedClock('2026-06-01T12:00:00.000Z');

  beforeAll(async () => {
    ({ ctx, app } = await backOffice(db(), clock));
  });

  it('shows the codes as plain text to write down, with copy and download for scripts only', async () => {
    const { setupUrl } = await addUser(
      ctx,
      { email: 'codes@example.org', role: 'editor' },
      SYSTEM_ACTOR,
      ctx.config.publicUrl,
    );
    const path = new URL(setupUrl).pathname;
    const b = new Browserish(app, ctx.config.publicUrl);
    const form = await (await b.request(path)).text();
    const secret = /name="totpSecret" value="([A-Z2-7]+)"/.exec(form)![1]!;
    const done = await b.submit(path, `${path}/password`, {
      password: 'a long enough password',
      totpSecret: secret,
      code: totpCodeAt(secret, clock.now()),
    });
    expect(done.status).toBe(200);
    const $ = cheerio.load(await done.text());

    const codes = $('pre#recovery-codes').text().trim().split('\n');
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^\S{6,}$/);
    expect($('main, body').text()).toContain('Write them down');

    // Hidden until the script shows them: no dead buttons without JavaScript.
    const actions = $('[data-script-only]');
    expect(actions).toHaveLength(1);
    expect(actions.is('[hidden]')).toBe(true);
    expect(actions.find('button[data-copy="recovery-codes"]').text().trim()).toBe('Copy');
    const download = actions.find('button[data-download="recovery-codes"]');
    expect(download.text().trim()).toBe('Download');
    expect(download.attr('data-filename')).toMatch(/^[\p{L}\p{N}-]+-recovery-codes\.txt$/u);
    const preamble = download.attr('data-preamble')!;
    expect(preamble).toContain('Account: codes@example.org');
    expect(preamble).toContain('Created: 2026-06-01');
    // The codes themselves travel only in the page's text, never a second time in an attribute.
    expect(preamble).not.toContain(codes[0]!);
  });
});
