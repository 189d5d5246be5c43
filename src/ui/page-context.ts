import type { FrameTemplate } from './frame-template.ts';
import type { Locale } from './i18n/locales.ts';
import type { Translate } from './i18n/translate.ts';

/** The site's identity, set in the back office's settings. */
export interface SiteIdentity {
  name: string;
  nameKo: string | null;
  tagline: string | null;
  taglineKo: string | null;
  /** Path of the logo image on this site, if one was uploaded. */
  logoPath: string | null;
  /** Path of the identity stylesheet (colours and fonts set in the back office), if any. */
  identityCss?: string | null;
  footer: string | null;
  footerKo: string | null;
}

export interface NavLink {
  label: string;
  labelKo: string | null;
  path: string;
  /** Where the link goes on Korean pages, when that is another page (a page's translation). */
  pathKo?: string | null;
}

/** What every page's frame needs: language, strings, identity, navigation and asset paths. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** The current path without the locale prefix, e.g. '/reports/'. */
  path: string;
  site: SiteIdentity;
  nav: NavLink[];
  cssPath: string;
  cssIntegrity: string;
  iconPath: string;
  publicUrl: string;
  /**
   * Renderings of the frame made from this context's identity and navigation, kept as long as
   * those are (src/ui/pages/layout.tsx): a new frame brings an empty one.
   */
  frameMemo: Map<string, FrameTemplate>;
}
