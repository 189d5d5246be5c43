import { Field, SelectField } from '../../../ui/admin/form-fields.tsx';
import { RefusedNotice } from '../../../ui/admin/notices.tsx';
import type { IdentityColours, StoredIdentity } from './identity.ts';

export type ColourFormValues = Record<keyof IdentityColours, string>;

/** The colours a site starts with: those of site.css. */
export const DEFAULT_COLOURS: ColourFormValues = {
  brand: '#1f3a5f',
  accent: '#1f4e8c',
  text: '#1c2230',
  background: '#fdfcfa',
};

/**
 * The identity's three forms: colours (checked for contrast), the logo, and the typefaces. Each
 * works without JavaScript; the uploads send their token first, as the CSRF check reads it.
 */
export function IdentitySection(props: {
  csrfToken: string;
  identity: StoredIdentity;
  colours: ColourFormValues;
  errors: Record<string, string>;
}) {
  const { csrfToken, identity, colours, errors } = props;
  const colour = (name: keyof IdentityColours, label: string, hint?: string) => (
    <Field
      name={name}
      label={label}
      type="color"
      value={colours[name]}
      error={errors[name]}
      hint={hint}
      required
    />
  );
  return (
    <section aria-labelledby="identity-heading">
      <h2 id="identity-heading">Look of the public site</h2>
      <RefusedNotice errors={errors}>Nothing was saved; correct the marked fields.</RefusedNotice>
      <h3>Colours</h3>
      <form method="post" action="/admin/settings/colours">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {colour(
          'brand',
          'Brand',
          'The header and buttons; their text is white or black, whichever reads better.',
        )}
        {colour('accent', 'Accent', 'Links: needs a contrast of 4.5:1 on the background.')}
        {colour('text', 'Text', 'Needs a contrast of 4.5:1 on the background (WCAG AA).')}
        {colour('background', 'Background')}
        <p class="hint">
          These apply to the light scheme; readers who prefer dark keep the dark colours.
        </p>
        <button type="submit">Save the colours</button>
        {identity.colours ? (
          <button type="submit" name="reset" value="1">
            Go back to the standard colours
          </button>
        ) : null}
      </form>

      <h3>Logo</h3>
      {identity.logo ? <p>A logo is set ({identity.logo.mediaType}).</p> : <p>No logo is set.</p>}
      <form method="post" action="/admin/settings/logo" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Field
          name="logo"
          label="Logo file"
          type="file"
          error={errors.logo}
          hint="SVG (rewritten to shapes and text only: no scripts, styles or outside links), PNG or WebP (re-encoded without metadata)."
        />
        <button type="submit">Upload the logo</button>
        {identity.logo ? (
          <button type="submit" name="remove" value="1">
            Remove the logo
          </button>
        ) : null}
      </form>

      <h3>Typefaces</h3>
      <p class="hint">
        Fonts are served from this site only, never from a font service. Upload WOFF2 files whose
        licence allows web use.
      </p>
      {(identity.fonts ?? []).length > 0 ? (
        <ul>
          {(identity.fonts ?? []).map((f) => (
            <li>
              <form method="post" action="/admin/settings/fonts/remove">
                <input type="hidden" name="_csrf" value={csrfToken} />
                <input type="hidden" name="sha256" value={f.sha256} />
                {f.family} {f.weight} {f.style}, for {f.use === 'heading' ? 'headings' : 'text'}{' '}
                <button type="submit">Remove</button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action="/admin/settings/fonts" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Field name="family" label="Family name" error={errors.family} required />
        <SelectField
          name="use"
          label="Used for"
          value="body"
          empty={null}
          options={[
            { value: 'body', label: 'Text' },
            { value: 'heading', label: 'Headings' },
          ]}
        />
        <Field name="weight" label="Weight" type="number" value="400" error={errors.weight} />
        <SelectField
          name="style"
          label="Style"
          value="normal"
          empty={null}
          options={[
            { value: 'normal', label: 'Upright' },
            { value: 'italic', label: 'Italic' },
          ]}
        />
        <Field name="font" label="WOFF2 file" type="file" error={errors.font} required />
        <button type="submit">Add the typeface</button>
      </form>
    </section>
  );
}
