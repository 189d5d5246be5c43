import type { Context } from 'hono';
import type { AppContext } from '../../context.ts';
import type { Section } from '../../domain/entities.ts';
import { type Locale, splitLocale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/translate.ts';
import type { NavLink, PageContext, SiteIdentity } from '../../views/page-context.ts';
import { assetManifest } from './assets.ts';

interface StoredSite {
  name?: string;
  nameKo?: string;
  tagline?: string;
  taglineKo?: string;
  logoPath?: string;
  footer?: string;
  footerKo?: string;
  navigation?: NavLink[];
}

/**
 * Without a configured menu: every section that lists public work, in the editors' order, then
 * the static pages (About, Contact), which are publications of type "page" outside listings.
 */
async function defaultNavigation(app: AppContext, sections: Section[]): Promise<NavLink[]> {
  const now = app.clock.now();
  const [withWork, pages] = await Promise.all([
    app.repos.catalog.sectionsWithWork(now),
    app.repos.catalog.first({ type: 'page', includePages: true }, 10, now),
  ]);
  const listed = sections
    .filter((s) => withWork.has(s.id))
    .map((s) => ({ label: s.title, labelKo: s.titleKo, path: `/${s.slug}/` }));
  const staticPages = pages.map((p) => {
    const section = sections.find((s) => s.id === p.sectionId);
    return { label: p.title, labelKo: null, path: `/${section?.slug}/${p.slug}/` };
  });
  return [...listed, ...staticPages];
}

/** The frame every public page needs: language, identity, navigation, asset paths. */
export async function pageContext(app: AppContext, c: Context): Promise<PageContext> {
  const [locale, path] = splitLocale(c.req.path);
  const [stored, sections] = await Promise.all([
    app.repos.settings.get<StoredSite>('site'),
    app.repos.sections.list(),
  ]);
  const site: SiteIdentity = {
    name: stored?.name ?? 'Dossier',
    nameKo: stored?.nameKo ?? null,
    tagline: stored?.tagline ?? null,
    taglineKo: stored?.taglineKo ?? null,
    logoPath: stored?.logoPath ?? null,
    footer: stored?.footer ?? null,
    footerKo: stored?.footerKo ?? null,
  };
  const nav = stored?.navigation ?? (await defaultNavigation(app, sections));
  return {
    locale: locale as Locale,
    t: translator(locale),
    path,
    site,
    nav,
    cssPath: assetManifest().css.path,
    cssIntegrity: assetManifest().css.integrity,
    iconPath: assetManifest().icon.path,
    publicUrl: app.config.publicUrl,
  };
}
