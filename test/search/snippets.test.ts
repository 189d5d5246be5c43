import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, fixedClock, testContext } from '../support/factories.ts';

/** Snippets read as the page does: plain text, never the Markdown it was written in. */
describeEachDatabase('search snippets', (db) => {
  let ctx: WiredContext;

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    await buildPublication(ctx, {
      title: 'Flood damage at a camp',
      summary:
        '**Kyo-hwa-so No. 12** lies in a river valley and was hit by _late summer_ floods.[^1]\n\n' +
        '[^1]: See the imagery of 2 September.',
      body:
        'The *wupatki* compound lost [two guard towers](https://example.org/towers).[^1]\n\n' +
        '[^1]: Counted on the wupatki imagery.',
    });
  });

  const snippetOf = async (q: string) => {
    const hit = (await searchArchive(ctx, { q })).hits[0]!;
    return hit.snippet.map((s) => s.text).join('');
  };

  it('shows a summary without its emphasis marks, footnote markers or definitions', async () => {
    const text = await snippetOf('floods');
    expect(text).toContain('No. 12 lies in a river valley and was hit by late summer floods.');
    expect(text).not.toMatch(/[*_]|\[\^|See the imagery/);
  });

  it('shows a body without link syntax or footnote markers', async () => {
    const text = await snippetOf('towers');
    expect(text).toBe('The wupatki compound lost two guard towers.');
  });

  it('keeps the markup out of the results page', async () => {
    const html = await (await createApp(ctx).request('/search?q=floods')).text();
    expect(html).toContain('No. 12 lies in a river valley');
    expect(html).not.toMatch(/\*\*|\[\^1\]|See the imagery/);
  });
});
