import type { PublicationRecord } from '../../src/core/entities.ts';

/**
 * What the test sends: the back office's form fields, the API's bodies, and a WordPress export.
 * An edit starts from the stored record, as the form a person edits shows it, or as an API
 * client holds it after reading it: only the fields the operation changes differ.
 */

export const titleOf = (word: string) => `Report ${word}`;
export const summaryOf = (word: string) => `Summary ${word}`;
export const bodyOf = (word: string) => `Body ${word} of the report.`;
export const reasonOf = (word: string) => `Retracted: ${word}`;
export const personName = (word: string) => `Person ${word}`;
export const placeName = (word: string) => `Place ${word}`;

/** The form as the back office fills it from a record (dates to the day, embargo to the minute). */
export function formFieldsOf(r: PublicationRecord): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    sectionId: String(r.sectionId),
    slug: r.slug,
    type: r.type,
    title: r.title,
    subtitle: r.subtitle ?? '',
    summary: r.summary ?? '',
    body: r.body,
    language: r.language,
    translationGroup: r.translationGroup ?? '',
    publishedAt: r.publishedAt?.slice(0, 10) ?? '',
    revisedAt: r.revisedAt?.slice(0, 10) ?? '',
    embargoUntil: r.embargoUntil?.slice(0, 16) ?? '',
    venueId: r.venueId ? String(r.venueId) : '',
    externalUrl: r.externalUrl ?? '',
    seriesId: r.seriesId ? String(r.seriesId) : '',
    seriesPosition: r.seriesPosition ? String(r.seriesPosition) : '',
    reportNumber: r.reportNumber ?? '',
    doi: r.doi ?? '',
    disclaimer: r.disclaimer ?? '',
    needsAttention: r.needsAttention ?? '',
    topicIds: r.topicIds.map(String),
    placeIds: r.placeIds.map(String),
    version: String(r.version),
  };
  if (r.excerptOnly) fields.excerptOnly = '1';
  r.contributions.forEach((c, i) => {
    fields[`contributions[${i}][personId]`] = String(c.personId);
    fields[`contributions[${i}][role]`] = c.role;
    fields[`contributions[${i}][credit]`] = c.credit;
    fields[`contributions[${i}][affiliationLabel]`] = c.affiliationLabel ?? '';
  });
  return fields;
}

/** A full PUT body from a record, as the API's update expects it. */
export function putBodyOf(r: PublicationRecord): Record<string, unknown> {
  return {
    sectionId: r.sectionId,
    slug: r.slug,
    type: r.type,
    title: r.title,
    subtitle: r.subtitle,
    summary: r.summary,
    body: r.body,
    language: r.language,
    translationGroup: r.translationGroup,
    status: r.status,
    publishedAt: r.publishedAt,
    revisedAt: r.revisedAt,
    scheduledAt: r.scheduledAt,
    embargoUntil: r.embargoUntil,
    withdrawnReason: r.withdrawnReason,
    venueId: r.venueId,
    externalUrl: r.externalUrl,
    excerptOnly: r.excerptOnly,
    seriesId: r.seriesId,
    seriesPosition: r.seriesPosition,
    reportNumber: r.reportNumber,
    doi: r.doi,
    disclaimer: r.disclaimer,
    needsAttention: r.needsAttention,
    contributions: r.contributions.map((c) => ({
      personId: c.personId,
      role: c.role,
      credit: c.credit,
      affiliationLabel: c.affiliationLabel,
    })),
    topicIds: r.topicIds,
    placeIds: r.placeIds,
    version: r.version,
  };
}

export interface WxrItem {
  postId: string;
  login: string;
  personWord: string;
  topicSlug: string;
  topicWord: string;
  slug: string;
  status: string;
  /** An ISO instant, written as WordPress writes dates. */
  date: string;
  title: string;
  summary: string;
  body: string;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;
const wpDate = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;

/** A WordPress export (WXR 1.2) of these posts, each with its author and one category. */
export function wxrOf(items: WxrItem[]): string {
  const authors = items.map(
    (i) =>
      `<wp:author><wp:author_login>${i.login}</wp:author_login><wp:author_display_name>${cdata(personName(i.personWord))}</wp:author_display_name><wp:author_first_name>${cdata('Person')}</wp:author_first_name><wp:author_last_name>${cdata(i.personWord)}</wp:author_last_name></wp:author>`,
  );
  const posts = items.map(
    (i) => `<item>
<title>${titleOf(i.title)}</title>
<link>https://old.example.org/${i.date.slice(0, 4)}/${i.slug}/</link>
<dc:creator>${cdata(i.login)}</dc:creator>
<guid isPermaLink="false">https://old.example.org/?p=${i.postId}</guid>
<content:encoded>${cdata(`<p>${bodyOf(i.body)}</p>`)}</content:encoded>
<excerpt:encoded>${cdata(`<p>${summaryOf(i.summary)}</p>`)}</excerpt:encoded>
<wp:post_id>${i.postId}</wp:post_id>
<wp:post_date>${wpDate(i.date)}</wp:post_date>
<wp:post_date_gmt>${wpDate(i.date)}</wp:post_date_gmt>
<wp:post_name>${i.slug}</wp:post_name>
<wp:status>${i.status}</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="${i.topicSlug}">${cdata(`Topic ${i.topicWord}`)}</category>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old site</title>
<link>https://old.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example.org</wp:base_site_url>
<wp:base_blog_url>https://old.example.org</wp:base_blog_url>
${authors.join('\n')}
${posts.join('\n')}
</channel>
</rss>
`;
}
