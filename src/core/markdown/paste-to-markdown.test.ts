import { describe, expect, it } from 'vitest';
import { pasteToMarkdown } from './paste-to-markdown.ts';

describe('pasting from word processors', () => {
  it('drops style sheets like the seed page’s "p.p1 {margin…}" junk', () => {
    const html =
      '<style>p.p1 {margin: 0.0px 0.0px 0.0px 0.0px; font: 9.0px Helvetica; color: #3f5864} span.s1 {font: 5.0px Helvetica}</style><p class="p1"><span class="s1">As part of a joint undertaking</span></p>';
    expect(pasteToMarkdown(html)).toBe('As part of a joint undertaking');
  });

  it('keeps headings, lists, quotes, links and emphasis', () => {
    const md = pasteToMarkdown(
      '<h2>Findings</h2><ul><li>One</li><li>Two</li></ul><blockquote><p>Quoted</p></blockquote><p><a href="https://www.38north.org/">38 North</a> and <em>stress</em></p>',
    );
    expect(md).toContain('## Findings');
    expect(md).toMatch(/- +One/);
    expect(md).toContain('> Quoted');
    expect(md).toContain('[38 North](https://www.38north.org/)');
    expect(md).toContain('*stress*');
  });

  it('turns superscript footnote numbers into footnote references', () => {
    expect(pasteToMarkdown('<p>A claim.<sup>3</sup></p>')).toBe('A claim.[^3]');
  });

  it('removes Word conditional comments and scripts', () => {
    const md = pasteToMarkdown(
      '<!--[if gte mso 9]><xml>junk</xml><![endif]--><script>alert(1)</script><p>Text</p>',
    );
    expect(md).toBe('Text');
  });
});
