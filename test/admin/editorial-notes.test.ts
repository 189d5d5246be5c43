import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { NOTE_MAX_LENGTH } from '../../src/features/publishing/editorial-notes.ts';
import { purgeFromTrash } from '../../src/features/publishing/trash.ts';
import type { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import type { Browserish, StaffAccount } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, unique } from '../support/factories.ts';
import { backOfficeAs, fieldValue, sentBack } from './back-office-support.ts';

describeEachDatabase('editorial notes and sign-offs on a piece', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let editor: Browserish;
  let contributor: Browserish;
  let accounts: Record<'editor' | 'contributor', StaffAccount>;

  beforeAll(async () => {
    ({ ctx, app, editor, contributor, accounts } = await backOfficeAs(
      db(),
      'editor',
      'contributor',
    ));
  }, 60_000);

  const draft = async () => (await buildPublication(ctx, { status: 'draft' })).id;
  const post = (b: Browserish, id: number, fields: Record<string, string>) =>
    // The CSRF token from the list, a page every role may open whatever became of the piece.
    b.submit('/admin/publications', `/admin/publications/${id}/notes`, fields);
  const noteAudits = async (id: number) =>
    (await ctx.repos.audit.list({ limit: 1000 }))
      .filter((e) => e.subjectId === String(id) && e.action.startsWith('publication.note.'))
      .map((e) => ({ action: e.action, actor: e.actorUserId, detail: e.detail }));

  it('adds a note and a sign-off from the editor, each audited, and says so back on the editor', async () => {
    const id = await draft();
    const added = await post(editor, id, { note: '  Names of two villages removed.  ' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/admin/publications/${id}?done=note`);
    expect(await (await editor.request(added.headers.get('location')!)).text()).toContain(
      'Note added to this piece’s history',
    );
    const signed = await post(editor, id, {
      note: 'Checked for identifying details: ok to publish',
      kind: 'sign-off',
    });
    expect(signed.headers.get('location')).toBe(`/admin/publications/${id}?done=sign-off`);
    // The editor lists both beside the writing, for the next reviewer.
    const shown = await (await editor.request(`/admin/publications/${id}`)).text();
    expect(shown).toContain('Names of two villages removed.');
    expect(shown).toContain('Checked for identifying details: ok to publish');

    const notes = await ctx.repos.editorialNotes.list(id);
    expect(notes.map((n) => [n.kind, n.body, n.authorUserId])).toEqual([
      ['note', 'Names of two villages removed.', accounts.editor.userId],
      ['sign-off', 'Checked for identifying details: ok to publish', accounts.editor.userId],
    ]);
    expect(await noteAudits(id)).toEqual([
      expect.objectContaining({
        action: 'publication.note.sign-off',
        actor: accounts.editor.userId,
      }),
      expect.objectContaining({ action: 'publication.note.add', actor: accounts.editor.userId }),
    ]);
  });

  it('lists the notes in the piece’s history beside its revisions, as plain text with their kind and author', async () => {
    const id = await draft();
    await post(editor, id, { note: 'Line one <b>not bold</b>\n*not emphasis*' });
    const answer = await editor.submit(
      `/admin/publications/${id}/revisions`,
      `/admin/publications/${id}/notes`,
      { note: 'Consent form on file.', kind: 'sign-off', from: 'history' },
    );
    expect(answer.headers.get('location')).toBe(
      `/admin/publications/${id}/revisions?noted=sign-off`,
    );
    const page = await (await editor.request(answer.headers.get('location')!)).text();
    expect(page).toContain('Sign-off recorded in this piece’s history');
    expect(page).toContain('Revisions of');
    expect(page).toContain('Line one &lt;b&gt;not bold&lt;/b&gt;<br/>*not emphasis*');
    expect(page).not.toContain('<b>not bold</b>');
    const editorName = (await ctx.repos.users.findById(accounts.editor.userId))!.displayName;
    expect(page).toMatch(new RegExp(`<strong>Sign-off</strong> by\\s*${editorName}`));
    expect(page).toMatch(/<strong>Note<\/strong> by/);
    expect(page).toContain('cannot be edited or deleted');
  });

  it('refuses an empty, blank, overlong or garbled note with a 422 and writes nothing', async () => {
    const id = await draft();
    const long = 'x'.repeat(NOTE_MAX_LENGTH + 1);
    for (const [note, says] of [
      ['', 'Write the note'],
      [' \n\t ', 'Write the note'],
      [long, 'at most 4,000 characters'],
      ['bell \u0007 inside', 'control characters'],
    ] as const) {
      const page = await sentBack(post(editor, id, { note }));
      expect(page).toContain(says);
      expect(page).toContain('Nothing was added');
      if (note === long) expect(fieldValue(page, 'note')).toBe(long);
    }
    await sentBack(post(editor, id, { note: 'A fine note', kind: 'approval' }));
    expect(await ctx.repos.editorialNotes.list(id)).toEqual([]);
    expect(await noteAudits(id)).toEqual([]);
    // Exactly the limit is kept.
    expect((await post(editor, id, { note: 'y'.repeat(NOTE_MAX_LENGTH) })).status).toBe(303);
  });

  it('refuses a contributor on a piece they may not edit, and lets them note their own draft', async () => {
    const id = await draft();
    const refused = await post(contributor, id, { note: 'Not mine to note.' });
    expect(refused.status).toBe(403);
    expect(await ctx.repos.editorialNotes.list(id)).toEqual([]);

    const section = await buildSection(ctx);
    const created = await contributor.submit('/admin/publications/new', '/admin/publications', {
      sectionId: String(section.id),
      type: 'article',
      title: 'A contributor’s draft',
      slug: unique('own-draft'),
      language: 'en',
    });
    expect(created.status).toBe(303);
    const own = Number(/\/admin\/publications\/(\d+)/.exec(created.headers.get('location')!)![1]);
    expect((await post(contributor, own, { note: 'Ready for review.' })).status).toBe(303);
    expect((await ctx.repos.editorialNotes.list(own)).map((n) => n.body)).toEqual([
      'Ready for review.',
    ]);
  });

  it('shows no note on the public page or in search once the piece is published', async () => {
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, { sectionId: section.id, status: 'published' });
    const word = 'zqxnotemarkerq';
    expect((await post(editor, piece.id, { note: `Source ${word} asked for care.` })).status).toBe(
      303,
    );
    const publicPage = await app.request(`http://localhost/${section.slug}/${piece.slug}/`);
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).not.toContain(word);
    // The piece is found by its own words, never by its note's.
    const link = `/${section.slug}/${piece.slug}/`;
    const found = async (q: string) =>
      (
        await (await app.request(`http://localhost/search?q=${encodeURIComponent(q)}`)).text()
      ).includes(link);
    expect(await found('Human Rights Dialogue')).toBe(true);
    expect(await found(word)).toBe(false);
    const api = await app.request(`http://localhost/api/v1/publications/${piece.id}`);
    expect(await api.text()).not.toContain(word);
  });

  it('answers 404 for a piece in the trash, and the notes go with a purged piece', async () => {
    const id = await draft();
    await post(editor, id, { note: 'To be purged with its piece.' });
    await editor.submit(`/admin/publications/${id}`, `/admin/publications/${id}/delete`, {});
    expect((await post(editor, id, { note: 'Too late.' })).status).toBe(404);
    expect(await ctx.repos.editorialNotes.list(id)).toHaveLength(1);
    await purgeFromTrash(ctx, id, SYSTEM_ACTOR);
    expect(await ctx.repos.editorialNotes.list(id)).toEqual([]);
  });
});
