import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { BilingualFields, Field, fieldBinder } from '../../../ui/admin/form-fields.tsx';
import { Flash, RefusedNotice } from '../../../ui/admin/notices.tsx';
import type { StoredIdentity } from './identity.ts';
import { type ColourFormValues, IdentitySection } from './identity-section.tsx';

export interface SiteFormValues {
  name: string;
  nameKo: string;
  tagline: string;
  taglineKo: string;
  footer: string;
  footerKo: string;
  navigation: string;
}

export interface SecurityFormValues {
  idleTimeoutMinutes: string;
  absoluteTimeoutHours: string;
  requirePasskeys: boolean;
}

function Errors(props: { errors: Record<string, string> }) {
  return (
    <RefusedNotice errors={props.errors}>
      Nothing was saved; correct the marked fields. Everything you typed is kept.
    </RefusedNotice>
  );
}

/** The site's identity and menu, and the sign-in policy: two forms, saved and audited apart. */
export function SettingsPage(props: {
  ctx: AdminPageContext;
  site: SiteFormValues;
  security: SecurityFormValues;
  siteErrors: Record<string, string>;
  securityErrors: Record<string, string>;
  identity: StoredIdentity;
  colours: ColourFormValues;
  identityErrors: Record<string, string>;
  message?: string;
}) {
  const { ctx, site: s, security: p, siteErrors: se, securityErrors: pe } = props;
  const site = fieldBinder(s, se);
  const security = fieldBinder(p, pe);
  return (
    <AdminLayout ctx={ctx} title="Settings">
      <h1>Settings</h1>
      <Flash message={props.message} />
      <section aria-labelledby="site-heading">
        <h2 id="site-heading">The site</h2>
        <Errors errors={se} />
        <form method="post" action="/admin/settings/site">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <BilingualFields label="Name" name="name" values={s} errors={se} required />
          <BilingualFields label="Tagline" name="tagline" values={s} errors={se} />
          <BilingualFields label="Footer" name="footer" values={s} errors={se} multiline rows={3} />
          <Field
            {...site('navigation')}
            label="Menu"
            multiline
            rows={8}
            hint="One link a line: Label | Korean label | /path/ — leave the whole box empty to list the sections that have public work, then the static pages."
          />
          <button type="submit">Save the site</button>
        </form>
      </section>
      <IdentitySection
        csrfToken={ctx.csrfToken}
        identity={props.identity}
        colours={props.colours}
        errors={props.identityErrors}
      />
      <section aria-labelledby="security-heading">
        <h2 id="security-heading">Signing in</h2>
        <Errors errors={pe} />
        <form method="post" action="/admin/settings/security">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Field
            {...security('idleTimeoutMinutes')}
            label="Sign out after this many idle minutes"
            type="number"
            required
          />
          <Field
            {...security('absoluteTimeoutHours')}
            label="Sign out this many hours after signing in, however busy"
            type="number"
            required
          />
          <div class={`field checkbox${pe.requirePasskeys ? ' has-error' : ''}`}>
            <input
              id="f-requirePasskeys"
              type="checkbox"
              name="requirePasskeys"
              value="1"
              checked={p.requirePasskeys}
            />
            <label for="f-requirePasskeys">Staff sign in with a passkey only (no passwords)</label>
          </div>
          {pe.requirePasskeys ? <p class="error">{pe.requirePasskeys}</p> : null}
          <p class="hint">New limits apply to sessions from their next request.</p>
          <button type="submit">Save sign-in rules</button>
        </form>
      </section>
    </AdminLayout>
  );
}
