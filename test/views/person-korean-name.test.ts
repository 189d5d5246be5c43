import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { backOfficeAs, fieldValue } from '../admin/back-office-support.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { unique } from '../support/factories.ts';

describeEachDatabase('a person’s Korean name and its source', (db) => {
  let ctx: AppContext;
  let editor: Browserish;
  beforeAll(async () => {
    ({ ctx, editor } = await backOfficeAs(db(), 'editor'));
  }, 60_000);

  const idFrom = (res: Response) =>
    Number(/\/admin\/people\/(\d+)\?saved=1$/.exec(res.headers.get('location') ?? '')?.[1]);

  it('keeps the source given on the person form and shows it back on the form', async () => {
    const slug = unique('hawk');
    const source = 'A Korean-language publication that prints the name (test data)';
    const res = await editor.submit('/admin/people/new', '/admin/people', {
      name: 'David Hawk',
      sortName: 'Hawk, David',
      slug,
      nameKo: '데이비드 호크',
      nameKoSource: source,
    });
    expect(res.status).toBe(303);
    const id = idFrom(res);
    expect((await ctx.repos.people.findById(id))?.nameKoSource).toBe(source);
    const form = await (await editor.request(`/admin/people/${id}?saved=1`)).text();
    expect(fieldValue(form, 'nameKoSource')).toBe(source);
  });

  it('keeps a Korean name without a source in the back office, off the public pages', async () => {
    const slug = unique('oh');
    const res = await editor.submit('/admin/people/new', '/admin/people', {
      name: 'Amanda Mortwedt Oh',
      sortName: 'Mortwedt Oh, Amanda',
      slug,
      nameKo: '어맨다 오',
      nameKoSource: '',
    });
    expect(res.status).toBe(303);
    const person = (await ctx.repos.people.findById(idFrom(res)))!;
    expect(person).toMatchObject({ nameKo: '어맨다 오', nameKoSource: null });
  });
});
