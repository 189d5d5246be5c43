import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildSection, unique } from '../support/factories.ts';
import { backOfficeAs } from './back-office-support.ts';

describeEachDatabase('what the editor asks of the server', (db) => {
  let ctx: AppContext;
  let editor: Browserish;
  let contributor: Browserish;

  beforeAll(async () => {
    ({ ctx, editor, contributor } = await backOfficeAs(db(), 'editor', 'contributor'));
  }, 60_000);

  const csrfOf = async (who: Browserish) =>
    /name="_csrf" value="([^"]+)"/.exec(
      await (await who.request('/admin/publications/new')).text(),
    )![1]!;

  const quick = async (who: Browserish, fields: Record<string, string>, json = true) =>
    who.request('/admin/people/quick', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(json ? { Accept: 'application/json' } : {}),
        'X-CSRF-Token': await csrfOf(who),
      },
      body: new URLSearchParams(fields),
    });

  it('makes a new piece’s slug from its title when the form sends none, Hangul romanized', async () => {
    const section = await buildSection(ctx);
    const title = `북한 인권 ${unique('보고서')}`;
    const res = await editor.submit('/admin/publications/new', '/admin/publications', {
      title,
      slug: '',
      sectionId: String(section.id),
      type: 'report',
      language: 'ko',
      body: 'x',
    });
    expect(res.status).toBe(303);
    const id = Number(/publications\/(\d+)/.exec(res.headers.get('location')!)![1]);
    expect((await ctx.repos.publications.findById(id))!.slug).toMatch(/^bukan-ingwon-/);
    const asked = await editor.request(
      `/admin/slug-of?title=${encodeURIComponent('Hamgyŏng Report')}`,
    );
    expect(await asked.json()).toEqual({ slug: 'hamgyong-report' });
  });

  it('adds a person from the dialog with a free slug and their role, and answers with a label to show', async () => {
    const name = unique('Kim Young-il');
    const first = await quick(editor, { name, roleTitle: 'Researcher', nameKo: '김영일' });
    expect(first.status).toBe(201);
    const a = await first.json();
    expect(a).toMatchObject({ ok: true, label: `${name} · 김영일` });
    // Two people may share a name: the second gets the next free slug.
    const b = await (await quick(editor, { name })).json();
    const [pa, pb] = await ctx.repos.people.findByIds([a.id, b.id]);
    expect(pb!.slug).toBe(`${pa!.slug}-2`);
    expect(pa!.roles).toEqual([
      { title: 'Researcher', organizationId: null, startsOn: null, endsOn: null },
    ]);
    const audit = await ctx.repos.audit.list({ action: 'person.create' });
    expect(audit.some((e) => e.subjectId === String(a.id))).toBe(true);
  });

  it('refuses a person without a name in words, and one asked for by a role that may not add people', async () => {
    const empty = await quick(editor, { name: '   ' });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error).toMatch(/^Name: /);
    const plain = await quick(editor, { name: '' }, false);
    expect(plain.status).toBe(422);
    expect(await plain.text()).toMatch(/^Name: /);
    const refused = await quick(contributor, { name: 'Someone' });
    expect(refused.status).toBe(403);
  });

  it('offers the dialog only to those who may add people', async () => {
    expect(await (await editor.request('/admin/publications/new')).text()).toContain(
      'id="person-dialog"',
    );
    expect(await (await contributor.request('/admin/publications/new')).text()).not.toContain(
      'id="person-dialog"',
    );
  });
});
