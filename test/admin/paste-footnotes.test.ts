import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { backOfficeAs } from './back-office-support.ts';

const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal {margin:0cm}</style></head><body>
<p class=MsoNormal>Detainees were moved in 2014.<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> Satellite imagery confirms it.<a style='mso-footnote-id:ftn2' href="#_ftn2" name="_ftnref2" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[2]</span><![endif]></span></span></a></p>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> Interview with a former guard, <i>Seoul</i>, 2015.</p></div>
<div style='mso-element:footnote' id=ftn2><p class=MsoFootnoteText><a style='mso-footnote-id:ftn2' href="#_ftnref2" name="_ftn2" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[2]</span><![endif]></span></span></a> 위성 사진 분석, 2016년.</p></div>
</div></body></html>`;

const WEB_PASTE = `<p>First claim.<sup><a href="#fn1" id="r1">1</a></sup> Twelfth claim.<sup><a href="#fn12" id="r12">12</a></sup></p>
<h2>Notes</h2><ol><li id="fn1">A source. <a href="#r1">↩</a></li><li id="fn12">Another <a href="https://example.org/">source</a>. <a href="#r12">↩</a></li></ol>`;

describeEachDatabase('pasting footnoted text into the editor', (db) => {
  let editor: Browserish;
  let csrf: string;

  const post = async (path: string, body: unknown) => {
    const res = await editor.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return res.json();
  };
  /** Pastes through the editor's route, then previews the Markdown it gave back. */
  const pasteAndPreview = async (html: string) => {
    const { markdown } = (await post('/admin/paste-to-markdown', { html })) as { markdown: string };
    const { html: preview } = (await post('/admin/markdown-preview', { markdown })) as {
      html: string;
    };
    return { markdown, $: cheerio.load(preview) };
  };

  beforeAll(async () => {
    ({ editor } = await backOfficeAs(db(), 'editor'));
    const page = await (await editor.request('/admin/publications/new')).text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  });

  it('turns a paste from Word into footnotes with their notes, and no Word furniture', async () => {
    const { markdown, $ } = await pasteAndPreview(WORD_PASTE);
    expect(markdown).toBe(
      'Detainees were moved in 2014.[^1] Satellite imagery confirms it.[^2]\n\n' +
        '[^1]: Interview with a former guard, *Seoul*, 2015.\n[^2]: 위성 사진 분석, 2016년.',
    );
    const notes = $('li.footnote-item')
      .toArray()
      .map((li) =>
        $(li).find('p').clone().children('a.footnote-backref').remove().end().text().trim(),
      );
    expect(notes).toEqual([
      'Interview with a former guard, Seoul, 2015.',
      '위성 사진 분석, 2016년.',
    ]);
    expect(
      $('sup.footnote-ref a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(['#fn1', '#fn2']);
  });

  it('turns a paste from a web page into footnotes without doubling their numbers', async () => {
    const { markdown, $ } = await pasteAndPreview(WEB_PASTE);
    expect(markdown).not.toMatch(/\[\^(11|1212)\]/);
    expect(markdown).toBe(
      'First claim.[^1] Twelfth claim.[^2]\n\n[^1]: A source.\n[^2]: Another [source](https://example.org/).',
    );
    expect($('h2').length).toBe(0);
    expect($('li.footnote-item').length).toBe(2);
    expect($('li.footnote-item a[href="https://example.org/"]').text()).toBe('source');
  });
});
