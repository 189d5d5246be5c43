import type { Context } from 'hono';
import type { AppContext } from '../../../core/app-context.ts';
import type { Section } from '../../../core/entities.ts';
import type { FrameStamps } from '../../../core/stored-pages.ts';
import { assetManifest } from '../../../ui/assets.ts';
import type { FrameTemplate } from '../../../ui/frame-template.ts';
import { type Locale, splitLocale } from '../../../ui/i18n/locales.ts';
import { translator } from '../../../ui/i18n/translate.ts';
import type { NavLink, PageContext, SiteIdentity } from '../../../ui/page-context.ts';

interface StoredSite {
  name?: string;
  nameKo?: string;
  tagline?: string;
  taglineKo?: string;
  logoPath?: string;
  identityCss?: string;
  footer?: string;
  footerKo?: string;
  navigation?: NavLink[];
}

/**
 * Without a configured menu: every section that lists public work, in the editors' order, then
 * the static pages (About, Contact), which are publications of type "page" outside listings. A
 * page and its translations are one link: labelled and reached in Korean through the Korean
 * version where one is public.
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
  const pathOf = (p: (typeof pages)[number]) =>
    `/${sections.find((s) => s.id === p.sectionId)?.slug}/${p.slug}/`;
  const staticPages: NavLink[] = [];
  const groups = new Set<string>();
  for (const p of pages) {
    const group = p.translationGroup;
    if (group && groups.has(group)) continue;
    const versions = group ? pages.filter((other) => other.translationGroup === group) : [p];
    if (group) groups.add(group);
    const main = versions.find((v) => v.language !== 'ko') ?? p;
    const korean = versions.find((v) => v.language === 'ko');
    staticPages.push({
      label: main.title,
      labelKo: korean?.title ?? null,
      path: pathOf(main),
      pathKo: korean && korean !== main ? pathOf(korean) : null,
    });
  }
  return [...listed, ...staticPages];
}

/** The frame's data as last read, with the stamps and the moment it holds until. */
interface Frame {
  stamps: FrameStamps;
  /** The next release (ms): a piece going public may add a section or a page to the menu. */
  validUntil: number;
  site: SiteIdentity;
  nav: NavLink[];
  /** The menu as Korean pages link it: to a page's Korean version where it has one. */
  navKo: NavLink[];
  memo: Map<string, FrameTemplate>;
}

/** Per context (tests build many), never shared between archives. */
const frames = new WeakMap<AppContext, Frame>();

/**
 * The frame every public page needs: language, identity, navigation, asset paths.
 *
 * Its data (the site's name and footer, the menu) change seldom, and reading them took four
 * queries a page. They are kept per process while the frame's stamps hold: the site's stamp
 * moves with settings and sections, the catalog's with any publication, both inside the writing
 * transaction, in any process (src/cache/stored-page-stamps.ts); and until the next moment a
 * piece goes public by itself. A page that already read the stamps passes them in; any other
 * reads them, in one query.
 */
export async function pageContext(
  app: AppContext,
  c: Context,
  known?: FrameStamps,
): Promise<PageContext> {
  const [locale, path] = splitLocale(c.req.path);
  const now = app.clock.now();
  const stamps = known ?? (await app.repos.publicationRenders.frameStamps());
  let frame = frames.get(app);
  if (
    !frame ||
    frame.stamps.siteStamp !== stamps.siteStamp ||
    frame.stamps.catalogStamp !== stamps.catalogStamp ||
    now.getTime() >= frame.validUntil
  ) {
    frame = await readFrame(app, stamps, now);
    frames.set(app, frame);
  }
  return {
    locale: locale as Locale,
    t: translator(locale),
    path,
    site: frame.site,
    nav: locale === 'ko' ? frame.navKo : frame.nav,
    cssPath: assetManifest().css.path,
    cssIntegrity: assetManifest().css.integrity,
    iconPath: assetManifest().icon.path,
    publicUrl: app.config.publicUrl,
    frameMemo: frame.memo,
  };
}

/** Read after the stamps, so the data are at least as new as the stamps they are kept under. */
async function readFrame(app: AppContext, stamps: FrameStamps, now: Date): Promise<Frame> {
  const [stored, sections, next] = await Promise.all([
    app.repos.settings.get<StoredSite>('site'),
    app.repos.sections.list(),
    app.repos.catalog.nextRelease(now.toISOString()),
  ]);
  const site: SiteIdentity = {
    name: stored?.name ?? 'Dossier',
    nameKo: stored?.nameKo ?? null,
    tagline: stored?.tagline ?? null,
    taglineKo: stored?.taglineKo ?? null,
    logoPath: stored?.logoPath ?? null,
    identityCss: stored?.identityCss ?? null,
    footer: stored?.footer ?? null,
    footerKo: stored?.footerKo ?? null,
  };
  const nav = stored?.navigation ?? (await defaultNavigation(app, sections));
  return {
    stamps,
    validUntil: next ? Date.parse(next) : Number.POSITIVE_INFINITY,
    site,
    nav,
    navKo: nav.map((link) => (link.pathKo ? { ...link, path: link.pathKo } : link)),
    memo: new Map(),
  };
}
