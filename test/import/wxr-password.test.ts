import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { cliActor } from '../../src/core/actor.ts';
import { formatSummary } from '../../src/features/import/import-summary.ts';
import { importWxr } from '../../src/features/import/import-wxr.ts';
import {
  DEFAULT_WXR_MAPPING,
  PASSWORD_PROTECTED_NOTE,
} from '../../src/features/import/wxr-mapping.ts';
import { PUBLISH_SCHEDULED_JOB } from '../../src/features/publishing/workflow.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';

const file = fileURLToPath(new URL('../fixtures/import/password-protected.xml', import.meta.url));

describeEachDatabase('WordPress import: password-protected posts', (db) => {
  it('imports them as drafts needing attention, never public, and names them in the summary', async () => {
    const ctx = await testContext(db());
    const dry = await importWxr(ctx, {
      file,
      mapping: DEFAULT_WXR_MAPPING,
      dryRun: true,
      actor: cliActor(),
    });
    const summary = await importWxr(ctx, {
      file,
      mapping: DEFAULT_WXR_MAPPING,
      dryRun: false,
      actor: cliActor(),
    });
    expect(dry.needsAttention).toEqual(summary.needsAttention);
    expect(summary.counts.publications?.created).toBe(3);

    const find = async (slug: string) => {
      const [hit] = await ctx.repos.publications.findAllBySlug(slug);
      return ctx.repos.publications.findById(hit?.id ?? 0);
    };
    // A post without a password comes in as WordPress had it.
    expect((await find('annual-report'))?.status).toBe('published');
    expect((await find('annual-report'))?.needsAttention).toBeNull();
    // A protected post, published or scheduled there, is a draft here, its text kept for an editor.
    for (const slug of ['interview-notes', 'donor-briefing']) {
      const piece = await find(slug);
      expect(piece?.status, slug).toBe('draft');
      expect(piece?.needsAttention, slug).toBe(PASSWORD_PROTECTED_NOTE);
      expect(piece?.body.length, slug).toBeGreaterThan(0);
    }
    expect(await ctx.repos.jobs.list({ kind: PUBLISH_SCHEDULED_JOB })).toEqual([]);
    expect(await ctx.repos.redirects.find('/2019/03/02/interview-notes/')).toBeUndefined();

    // Readers see none of it, at its new address or its old one.
    const app = createApp(ctx);
    expect((await app.request('/articles/annual-report/')).status).toBe(200);
    expect((await app.request('/articles/interview-notes/')).status).toBe(404);
    expect((await app.request('/pages/donor-briefing/')).status).toBe(404);
    const search = await app.request('/search?q=Hoeryong');
    expect(await search.text()).not.toContain('guards changed');

    // The summary says how many and which.
    expect(summary.needsAttention).toEqual([
      {
        reason: 'password-protected on WordPress, imported as drafts (not published)',
        items: [
          'post 21 “Interview notes for partners” → /articles/interview-notes/',
          'page 22 “Donor briefing” → /pages/donor-briefing/',
        ],
      },
    ]);
    expect(formatSummary(summary)).toContain(
      'needs attention: 2 password-protected on WordPress, imported as drafts (not published):\n' +
        '    post 21 “Interview notes for partners” → /articles/interview-notes/\n' +
        '    page 22 “Donor briefing” → /pages/donor-briefing/\n',
    );
    const [audit] = await ctx.repos.audit.list({ action: 'import.run' });
    expect(audit?.detail).toMatchObject({ needsAttention: summary.needsAttention });
  });
});
