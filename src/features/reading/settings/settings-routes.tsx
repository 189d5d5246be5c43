import type { AppContext } from '../../../core/app-context.ts';
import { shown } from '../../../ui/admin/form-values.ts';
import {
  type AdminContext,
  type AdminRoute,
  actorOf,
  adminPageContext,
  fieldErrors,
  formBody,
  numberOrNull,
  renderAdmin,
  securitySettings,
  submitForm,
  text,
} from '../../accounts/index.ts';
import type { StoredIdentity } from './identity.ts';
import { identityRoutesAdmin } from './identity-admin-routes.ts';
import { type ColourFormValues, DEFAULT_COLOURS } from './identity-section.tsx';
import { formatNavigation, parseNavigation } from './navigation-lines.ts';
import { type SecurityFormValues, SettingsPage, type SiteFormValues } from './settings-page.tsx';
import { type StoredSite, saveSecuritySettings, saveSiteSettings } from './site-settings.ts';

const SAVED: Record<string, string> = {
  site: 'The site settings were saved.',
  security: 'The sign-in rules were saved.',
  colours: 'The colours were saved.',
  logo: 'The logo was saved.',
  fonts: 'The typefaces were saved.',
};

/** Site identity and menu, and the sign-in policy. Each save is audited as 'settings.update'. */
export function settingsRoutes(app: AppContext): AdminRoute[] {
  const storedSite = async (): Promise<SiteFormValues> => {
    const site = (await app.repos.settings.get<StoredSite>('site')) ?? {};
    return {
      name: site.name ?? 'Dossier',
      nameKo: shown(site.nameKo),
      tagline: shown(site.tagline),
      taglineKo: shown(site.taglineKo),
      footer: shown(site.footer),
      footerKo: shown(site.footerKo),
      navigation: formatNavigation(site.navigation ?? []),
    };
  };
  const storedSecurity = async (): Promise<SecurityFormValues> => {
    const policy = await securitySettings(app.repos);
    return {
      idleTimeoutMinutes: String(policy.idleTimeoutMinutes),
      absoluteTimeoutHours: String(policy.absoluteTimeoutHours),
      requirePasskeys: policy.requirePasskeys,
    };
  };

  const page = async (
    c: AdminContext,
    opts: {
      site?: SiteFormValues;
      security?: SecurityFormValues;
      siteErrors?: Record<string, string>;
      securityErrors?: Record<string, string>;
      colours?: ColourFormValues;
      identityErrors?: Record<string, string>;
    } = {},
  ) => {
    const siteErrors = opts.siteErrors ?? {};
    const securityErrors = opts.securityErrors ?? {};
    const identityErrors = opts.identityErrors ?? {};
    const identity = (await app.repos.settings.get<StoredIdentity>('identity')) ?? {};
    const failed =
      Object.keys(siteErrors).length +
        Object.keys(securityErrors).length +
        Object.keys(identityErrors).length >
      0;
    return renderAdmin(
      c,
      <SettingsPage
        ctx={await adminPageContext(app, c)}
        site={opts.site ?? (await storedSite())}
        security={opts.security ?? (await storedSecurity())}
        siteErrors={siteErrors}
        securityErrors={securityErrors}
        identity={identity}
        colours={opts.colours ?? identity.colours ?? DEFAULT_COLOURS}
        identityErrors={identityErrors}
        message={SAVED[c.req.query('saved') ?? '']}
      />,
      failed ? 422 : 200,
    );
  };

  return [
    { method: 'GET', path: '/admin/settings', action: 'settings.manage', handler: (c) => page(c) },
    ...identityRoutesAdmin(app, (c, colours, identityErrors) =>
      page(c, { colours, identityErrors }),
    ),
    {
      method: 'POST',
      path: '/admin/settings/site',
      action: 'settings.manage',
      handler: async (c) => {
        const body = await formBody(c);
        const keys = [
          'name',
          'nameKo',
          'tagline',
          'taglineKo',
          'footer',
          'footerKo',
          'navigation',
        ] as const;
        const values = Object.fromEntries(
          keys.map((k) => [k, text(body, k).replace(/\r\n/g, '\n')]),
        ) as unknown as SiteFormValues;
        const navigation = parseNavigation(values.navigation);
        if (navigation.issues.length > 0) {
          return page(c, {
            site: values,
            siteErrors: { navigation: navigation.issues.map((i) => i.message).join('; ') },
          });
        }
        return submitForm(
          c,
          async () => {
            await saveSiteSettings(
              app,
              { ...values, navigation: navigation.links.length > 0 ? navigation.links : null },
              actorOf(c),
            );
            return c.redirect('/admin/settings?saved=site', 303);
          },
          (error) => page(c, { site: values, siteErrors: navigationFirst(fieldErrors(error)) }),
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/settings/security',
      action: 'settings.manage',
      handler: async (c) => {
        const body = await formBody(c);
        const values: SecurityFormValues = {
          idleTimeoutMinutes: text(body, 'idleTimeoutMinutes'),
          absoluteTimeoutHours: text(body, 'absoluteTimeoutHours'),
          requirePasskeys: text(body, 'requirePasskeys') === '1',
        };
        return submitForm(
          c,
          async () => {
            await saveSecuritySettings(
              app,
              {
                // An empty box is no number at all, not zero.
                idleTimeoutMinutes: numberOrNull(values.idleTimeoutMinutes) ?? Number.NaN,
                absoluteTimeoutHours: numberOrNull(values.absoluteTimeoutHours) ?? Number.NaN,
                requirePasskeys: values.requirePasskeys,
              },
              actorOf(c),
            );
            return c.redirect('/admin/settings?saved=security', 303);
          },
          (error) => page(c, { security: values, securityErrors: fieldErrors(error) }),
        );
      },
    },
  ];
}

/** Errors inside a navigation link ('navigation.2.path') belong to the menu box. */
function navigationFirst(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.startsWith('navigation.') ? 'navigation' : path;
    out[key] ??= message;
  }
  return out;
}
