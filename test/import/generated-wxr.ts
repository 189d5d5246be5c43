/** A WordPress export of `count` published posts of a few kilobytes each. */
export function exportOf(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const paragraphs = Array.from(
      { length: 12 },
      (_, p) => `<p>Paragraph ${p + 1} of post ${n}: testimony about the camp, checked twice.</p>`,
    ).join('\n');
    return `<item>
<title>Post ${n}</title>
<link>https://ngo.example.org/${n}/</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<content:encoded><![CDATA[${paragraphs}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${n}</wp:post_id>
<wp:post_date>2019-01-01 09:00:00</wp:post_date>
<wp:post_date_gmt>2019-01-01 09:00:00</wp:post_date_gmt>
<wp:post_name>post-${n}</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="post_tag" nicename="tag-${n % 7}"><![CDATA[Tag ${n % 7}]]></category>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Fixture NGO</title>
<link>https://ngo.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://ngo.example.org</wp:base_blog_url>
${items.join('\n')}
</channel>
</rss>
`;
}
