import { AdminLayout, type AdminPageContext, Field } from '../../../ui/admin/admin-layout.tsx';

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
  return Object.keys(props.errors).length > 0 ? (
    <p class="flash error" role="alert">
      Nothing was saved; correct the marked fields. Everything you typed is kept.
    </p>
  ) : null;
}

/** The site's identity and menu, and the sign-in policy: two forms, saved and audited apart. */
export function SettingsPage(props: {
  ctx: AdminPageContext;
  site: SiteFormValues;
  security: SecurityFormValues;
  siteErrors: Record<string, string>;
  securityErrors: Record<string, string>;
  message?: string;
}) {
  const { ctx, site: s, security: p, siteErrors: se, securityErrors: pe } = props;
  return (
    <AdminLayout ctx={ctx} title="Settings">
      <h1>Settings</h1>
      {props.message ? (
        <p class="flash" role="status">
          {props.message}
        </p>
      ) : null}
      <section aria-labelledby="site-heading">
        <h2 id="site-heading">The site</h2>
        <Errors errors={se} />
        <form method="post" action="/admin/settings/site">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Field label="Name" name="name" value={s.name} required error={se.name} />
          <Field label="Korean name" name="nameKo" value={s.nameKo} error={se.nameKo} />
          <Field label="Tagline" name="tagline" value={s.tagline} error={se.tagline} />
          <Field label="Korean tagline" name="taglineKo" value={s.taglineKo} error={se.taglineKo} />
          <Field
            label="Footer"
            name="footer"
            value={s.footer}
            multiline
            rows={3}
            error={se.footer}
          />
          <Field
            label="Korean footer"
            name="footerKo"
            value={s.footerKo}
            multiline
            rows={3}
            error={se.footerKo}
          />
          <Field
            label="Menu"
            name="navigation"
            value={s.navigation}
            multiline
            rows={8}
            error={se.navigation}
            hint="One link a line: Label | Korean label | /path/ — leave the whole box empty to list the sections that have public work, then the static pages."
          />
          <button type="submit">Save the site</button>
        </form>
      </section>
      <section aria-labelledby="security-heading">
        <h2 id="security-heading">Signing in</h2>
        <Errors errors={pe} />
        <form method="post" action="/admin/settings/security">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Field
            label="Sign out after this many idle minutes"
            name="idleTimeoutMinutes"
            type="number"
            value={p.idleTimeoutMinutes}
            required
            error={pe.idleTimeoutMinutes}
          />
          <Field
            label="Sign out this many hours after signing in, however busy"
            name="absoluteTimeoutHours"
            type="number"
            value={p.absoluteTimeoutHours}
            required
            error={pe.absoluteTimeoutHours}
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
