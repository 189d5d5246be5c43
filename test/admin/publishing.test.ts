import { beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { PUBLISH_SCHEDULED_JOB, publishIfDue } from '../../src/features/publishing/workflow.ts';
import type { createApp } from '../../src/web/app.tsx';
import { Browserish, makeStaff, type StaffAccount } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildSection, fixedClock } from '../support/factories.ts';
import { backOffice, sentBack } from './back-office-support.ts';

describeEachDatabase('writing and publishing in the back office', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  let sectionId: number;
  let sectionSlug: string;
  let personId: number;
  const accounts = new Map<string, StaffAccount>();

  const signedIn = async (role: 'contributor' | 'editor' | 'admin') => {
    const account = accounts.get(role) ?? (await makeStaff(ctx, role));
    accounts.set(role, account);
    clock.advance(31);
    const b = new Browserish(app, ctx.config.publicUrl);
    expect((await b.signIn(account, ctx)).status).toBe(303);
    return b;
  };

  const fields = (title: string, slug: string) => ({
    sectionId: String(sectionId),
    type: 'report',
    title,
    slug,
    language: 'en',
    summary: 'A summary.',
    body: 'Text with a note.[^1]\n\n[^1]: A reference.',
    'contributions[0][personId]': String(personId),
    'contributions[0][role]': 'author',
    'contributions[0][credit]': 'primary',
    'contributions[0][affiliationLabel]': 'HRNK Co-Chair',
  });

  const create = async (b: Browserish, title: string, slug: string) => {
    const res = await b.submit(
      '/admin/publications/new',
      '/admin/publications',
      fields(title, slug),
    );
    expect(res.status).toBe(303);
    return Number(/\/admin\/publications\/(\d+)/.exec(res.headers.get('location')!)![1]);
  };

  const publicStatus = async (slug: string) =>
    (await app.request(`http://localhost/${sectionSlug}/${slug}/`)).status;

  beforeAll(async () => {
    ({ ctx, app } = await backOffice(db(), clock));
    const section = await buildSection(ctx);
    sectionId = section.id;
    sectionSlug = section.slug;
    personId = (await buildPerson(ctx, 'Roberta Cohen')).id;
  }, 60_000);

  it('creates a draft that nobody outside sees, with its contributor and printed affiliation', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'A new report', 'a-new-report');
    const record = await ctx.repos.publications.findById(id);
    expect(record?.status).toBe('draft');
    expect(record?.contributions[0]?.affiliationLabel).toBe('HRNK Co-Chair');
    expect(await publicStatus('a-new-report')).toBe(404);
  });

  it('shows what is wrong next to the field and keeps everything typed', async () => {
    const b = await signedIn('editor');
    const page = await sentBack(
      b.submit('/admin/publications/new', '/admin/publications', {
        ...fields('Kept title 북한인권', 'Not A Valid Slug!'),
        body: 'Kept body text',
      }),
    );
    expect(page).toContain('class="field has-error"');
    expect(page).toContain('Use lower-case letters, digits and single hyphens');
    expect(page).toContain('value="Kept title 북한인권"');
    expect(page).toContain('Kept body text');
  });

  it('gives the second of two editors saving the same version a conflict page, and loses nothing', async () => {
    const a = await signedIn('editor');
    const id = await create(a, 'Shared piece', 'shared-piece');
    const b = await signedIn('admin');
    const formA = await (await a.request(`/admin/publications/${id}`)).text();
    const formB = await (await b.request(`/admin/publications/${id}`)).text();
    const csrf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const post = (br: Browserish, page: string, title: string) =>
      br.request(`/admin/publications/${id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...fields(title, 'shared-piece'),
          _csrf: csrf(page),
          version: '1',
        }),
      });
    expect((await post(a, formA, 'Title by A')).status).toBe(303);
    const second = await post(b, formB, 'Title by B');
    expect(second.status).toBe(409);
    const page = await second.text();
    expect(page).toContain('Someone else saved this publication first');
    expect(page).toContain('Title by A');
    expect(page).toContain('Title by B');
    expect((await ctx.repos.publications.findById(id))?.title).toBe('Title by A');
    // The merge keeps B's title over version 2.
    const mine = /name="mine" value="([^"]*)"/
      .exec(page)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const merged = await b.request(`/admin/publications/${id}/merge`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf(formB), version: '2', mine, 'keep.title': 'mine' }),
    });
    expect(merged.status).toBe(303);
    const after = await ctx.repos.publications.findById(id);
    expect(after?.title).toBe('Title by B');
    expect(after?.version).toBe(3);
  });

  it('lets a contributor submit a draft for review but not publish it, nor touch others’ work', async () => {
    const editor = await signedIn('editor');
    const othersId = await create(editor, 'Editor piece', 'editor-piece');
    const b = await signedIn('contributor');
    const id = await create(b, 'Contributor draft', 'contributor-draft');
    const review = await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'in-review',
      version: '1',
    });
    expect(review.status).toBe(303);
    expect((await ctx.repos.publications.findById(id))?.status).toBe('in-review');
    const publish = await b.submit(
      `/admin/publications/${id}`,
      `/admin/publications/${id}/status`,
      { to: 'published', version: '2' },
    );
    expect(publish.status).toBe(403);
    expect((await b.request(`/admin/publications/${othersId}`)).status).toBe(403);
  });

  it('publishes to the public site, then withdraws with a reason that readers see', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Going out', 'going-out');
    expect(
      (
        await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
          to: 'published',
          version: '1',
        })
      ).status,
    ).toBe(303);
    expect(await publicStatus('going-out')).toBe(200);
    const noReason = await b.submit(
      `/admin/publications/${id}`,
      `/admin/publications/${id}/status`,
      { to: 'withdrawn', version: '2' },
    );
    expect(noReason.status).toBe(422);
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'withdrawn',
      version: '2',
      withdrawnReason: 'Legal request.',
    });
    const res = await app.request(`http://localhost/${sectionSlug}/going-out/`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('Legal request.');
    const statuses = await ctx.repos.audit.list({});
    expect(statuses.map((e) => e.action)).toEqual(
      expect.arrayContaining(['publication.status.published', 'publication.status.withdrawn']),
    );
  });

  it('schedules publication for a moment, and a job publishes it then and not before', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Scheduled piece', 'scheduled-piece');
    const when = new Date(clock.now().getTime() + 3600_000).toISOString().slice(0, 16);
    expect(
      (
        await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
          to: 'scheduled',
          version: '1',
          scheduledAt: when,
        })
      ).status,
    ).toBe(303);
    const [job] = await ctx.repos.jobs.list({ kind: PUBLISH_SCHEDULED_JOB } as never);
    expect(job?.runAfter).toBe(`${when}:00.000Z`);
    const payload = JSON.parse(job!.payload);
    expect(await publishIfDue(ctx, payload.publicationId, payload.scheduledAt)).toBe('skipped');
    expect(await publicStatus('scheduled-piece')).toBe(404);
    clock.advance(3601);
    expect(await publishIfDue(ctx, payload.publicationId, payload.scheduledAt)).toBe('published');
    expect(await publicStatus('scheduled-piece')).toBe(200);
  });

  it('publishes a scheduled piece through the job runner of a process started after scheduling', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Runner piece', 'runner-piece');
    const when = new Date(clock.now().getTime() + 600_000).toISOString().slice(0, 16);
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'scheduled',
      version: '1',
      scheduledAt: when,
    });
    // A runner built now stands for the next start of the server: the job lives in the database.
    await createJobRunner(ctx).drain();
    expect(await publicStatus('runner-piece')).toBe(404);
    clock.advance(601);
    await createJobRunner(ctx).drain();
    expect(await publicStatus('runner-piece')).toBe(200);
    expect((await ctx.repos.publications.findById(id))?.publishedAt).toBe(`${when}:00.000Z`);
  });

  it('does not publish a scheduled piece that was moved to the trash before its moment, even once restored', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Trashed schedule', 'trashed-schedule');
    const when = new Date(clock.now().getTime() + 900_000).toISOString().slice(0, 16);
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'scheduled',
      version: '1',
      scheduledAt: when,
    });
    expect(
      (await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/delete`, {})).status,
    ).toBe(303);
    clock.advance(901);
    await createJobRunner(ctx).drain();
    expect((await ctx.repos.publications.findById(id))?.status).toBe('scheduled');

    const admin = await signedIn('admin');
    await admin.submit('/admin/trash', `/admin/trash/${id}/restore`, {});
    expect((await ctx.repos.publications.findById(id))?.deletedAt).toBeNull();
    expect(await publicStatus('trashed-schedule')).toBe(404);
  });

  it('holds an embargoed piece back from the public until its moment', async () => {
    const b = await signedIn('editor');
    const until = new Date(clock.now().getTime() + 7200_000).toISOString().slice(0, 16);
    const res = await b.submit('/admin/publications/new', '/admin/publications', {
      ...fields('Embargoed', 'embargoed'),
      embargoUntil: until,
    });
    const id = Number(/(\d+)/.exec(res.headers.get('location')!)![1]);
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'published',
      version: '1',
    });
    expect(await publicStatus('embargoed')).toBe(404);
    clock.advance(7201);
    expect(await publicStatus('embargoed')).toBe(200);
  });

  it('shows a draft through a signed preview link that expires, and refuses an altered one', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Previewed draft', 'previewed-draft');
    const page = await (
      await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/preview-link`, {})
    ).text();
    const url = /(https:\/\/archive\.example\.org\/preview\/[A-Za-z0-9._-]+)/.exec(page)![1]!;
    const path = new URL(url).pathname;
    const shown = await app.request(`http://localhost${path}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(await shown.text()).toContain('Previewed draft');
    expect((await app.request(`http://localhost${path.slice(0, -2)}xx`)).status).toBe(404);
    clock.advance(8 * 86400);
    expect((await app.request(`http://localhost${path}`)).status).toBe(404);
  });

  const makeLink = async (b: Browserish, id: number) => {
    const page = await (
      await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/preview-link`, {})
    ).text();
    return new URL(/(https:\/\/archive\.example\.org\/preview\/[A-Za-z0-9._-]+)/.exec(page)![1]!)
      .pathname;
  };
  const previewStatus = async (path: string) =>
    (await app.request(`http://localhost${path}`)).status;

  it('revokes one preview link, or all of a piece’s links, from the form', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Revoked previews', 'revoked-previews');
    const [first, second, third] = [
      await makeLink(b, id),
      await makeLink(b, id),
      await makeLink(b, id),
    ];
    const form = await (await b.request(`/admin/publications/${id}`)).text();
    const linkIds = [...form.matchAll(/name="link" value="(\d+)"/g)].map((m) => m[1]!);
    expect(linkIds).toHaveLength(3);
    // Newest first: the first listed is the third link made.
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/preview-links/revoke`, {
      link: linkIds[0]!,
    });
    expect(await previewStatus(third!)).toBe(404);
    expect(await previewStatus(first!)).toBe(200);
    const all = await b.submit(
      `/admin/publications/${id}`,
      `/admin/publications/${id}/preview-links/revoke`,
      {},
    );
    expect(await all.text()).toContain('Revoked 2 preview links');
    expect(await previewStatus(first!)).toBe(404);
    expect(await previewStatus(second!)).toBe(404);
    const audit = await ctx.repos.audit.list({ limit: 1000 });
    expect(audit.filter((e) => e.subjectId === String(id)).map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'publication.preview-link.create',
        'publication.preview-link.revoke',
      ]),
    );
  });

  it('stops showing a piece through its preview links once it is withdrawn', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Withdrawn preview', 'withdrawn-preview');
    const link = await makeLink(b, id);
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'published',
      version: '1',
    });
    expect(await previewStatus(link)).toBe(200);
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'withdrawn',
      version: '2',
      withdrawnReason: 'A source asked us to',
    });
    expect(await publicStatus('withdrawn-preview')).toBe(410);
    expect(await previewStatus(link)).toBe(404);
  });

  it('refuses to withdraw a draft the public never saw, and says to use the trash', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Never out', 'never-out');
    const res = await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'withdrawn',
      version: '1',
      withdrawnReason: 'Not wanted',
    });
    expect(await sentBack(res)).toContain('Move it to the trash instead');
    expect((await ctx.repos.publications.findById(id))?.status).toBe('draft');
    expect(await publicStatus('never-out')).toBe(404);
  });

  it('moves deleted work to the trash, off the public site', async () => {
    const b = await signedIn('editor');
    const id = await create(b, 'Trashed', 'trashed');
    await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/status`, {
      to: 'published',
      version: '1',
    });
    expect(await publicStatus('trashed')).toBe(200);
    expect(
      (
        await b.submit(`/admin/publications/${id}`, `/admin/publications/${id}/delete`, {
          version: '2',
        })
      ).status,
    ).toBe(303);
    expect(await publicStatus('trashed')).toBe(404);
    expect((await ctx.repos.publications.findById(id))?.deletedAt).not.toBeNull();
  });

  it('renders the live Markdown preview with footnotes and without raw HTML', async () => {
    const b = await signedIn('editor');
    const page = await (await b.request('/admin/publications/new')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const res = await b.request('/admin/markdown-preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ markdown: 'Hi[^1] <script>alert(1)</script>\n\n[^1]: Note.' }),
    });
    const { html, words } = await res.json();
    expect(html).toContain('href="#fn1"');
    expect(html).not.toContain('<script>');
    expect(words).toBe(4);
  });
});
