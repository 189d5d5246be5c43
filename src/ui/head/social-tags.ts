import type { MetaTag } from './meta-tag.ts';

/**
 * Open Graph (ogp.me) and Twitter card tags. Every page gets them; a publication adds its
 * dates, authors and keywords as article:* properties. No image is invented: with no image the
 * card is "summary", the text-only kind.
 */
export interface SocialPage {
  title: string;
  description: string | null;
  url: string;
  siteName: string;
  locale: 'en' | 'ko';
  image: string | null;
  article?: {
    publishedTime: string;
    modifiedTime: string | null;
    authors: string[];
    section: string;
    tags: string[];
  };
}

const OG_LOCALES = { en: 'en_US', ko: 'ko_KR' } as const;

export function socialTags(page: SocialPage): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:type', content: page.article ? 'article' : 'website' },
    { property: 'og:title', content: page.title },
    { property: 'og:url', content: page.url },
    { property: 'og:site_name', content: page.siteName },
    { property: 'og:locale', content: OG_LOCALES[page.locale] },
    { property: 'og:locale:alternate', content: OG_LOCALES[page.locale === 'en' ? 'ko' : 'en'] },
  ];
  if (page.description) tags.push({ property: 'og:description', content: page.description });
  if (page.image) tags.push({ property: 'og:image', content: page.image });
  if (page.article) {
    tags.push({ property: 'article:published_time', content: page.article.publishedTime });
    if (page.article.modifiedTime)
      tags.push({ property: 'article:modified_time', content: page.article.modifiedTime });
    for (const a of page.article.authors) tags.push({ property: 'article:author', content: a });
    tags.push({ property: 'article:section', content: page.article.section });
    for (const t of page.article.tags) tags.push({ property: 'article:tag', content: t });
  }
  tags.push({ name: 'twitter:card', content: page.image ? 'summary_large_image' : 'summary' });
  tags.push({ name: 'twitter:title', content: page.title });
  if (page.description) tags.push({ name: 'twitter:description', content: page.description });
  return tags;
}

/** A description for meta tags: whole words, at most about 200 characters. */
export function shortDescription(text: string | null, max = 200): string | null {
  if (!text) return null;
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
