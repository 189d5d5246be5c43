import type { Organization } from '../../../core/entities.ts';
import { Field } from '../../../ui/admin/admin-layout.tsx';
import { CatalogFormFrame, type CatalogFormProps, CellError } from './entity-form-frame.tsx';

export interface PersonRoleValues {
  title: string;
  organizationId: string;
  startsOn: string;
  endsOn: string;
}

export interface PersonFormValues {
  slug: string;
  name: string;
  sortName: string;
  nameKo: string;
  bio: string;
  bioKo: string;
  orcid: string;
  roles: PersonRoleValues[];
}

/** Spare rows: a form without JavaScript adds roles by filling them. */
const SPARE_ROWS = 2;

export function PersonForm(
  props: CatalogFormProps<PersonFormValues> & { organizations: Organization[] },
) {
  const { values: v, errors } = props;
  const blank: PersonRoleValues = { title: '', organizationId: '', startsOn: '', endsOn: '' };
  const roles = [...v.roles, ...Array.from({ length: SPARE_ROWS }, () => blank)];
  return (
    <CatalogFormFrame {...props} title={props.id ? `Person: ${v.name}` : 'New person'}>
      <Field label="Name" name="name" value={v.name} required error={errors.name} />
      <Field
        label="Sort name"
        name="sortName"
        value={v.sortName}
        required
        error={errors.sortName}
        hint="As lists order it: Cohen, Roberta."
      />
      <Field label="Korean name" name="nameKo" value={v.nameKo} error={errors.nameKo} />
      <Field
        label="Slug"
        name="slug"
        value={v.slug}
        required
        error={errors.slug}
        hint="The address: /people/slug/."
      />
      <Field
        label="ORCID"
        name="orcid"
        value={v.orcid}
        error={errors.orcid}
        hint="0000-0002-1825-0097"
      />
      <Field
        label="Biography"
        name="bio"
        value={v.bio}
        multiline
        rows={5}
        error={errors.bio}
        hint="Markdown."
      />
      <Field
        label="Korean biography"
        name="bioKo"
        value={v.bioKo}
        multiline
        rows={5}
        error={errors.bioKo}
      />
      <fieldset>
        <legend>Roles over time</legend>
        <p class="hint">
          Years or days (2012, 2012-05, 2012-05-31). Leave “to” empty for a role held now, and the
          title empty to remove a row. Bylines keep the affiliation printed at the time; these roles
          are the person’s own history.
        </p>
        <table class="contributors">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Organization</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((role, i) => (
              <tr>
                <td>
                  <input
                    name={`roles[${i}][title]`}
                    value={role.title}
                    aria-label={`Title of role ${i + 1}`}
                  />
                  <CellError errors={errors} path={`roles.${i}.title`} />
                </td>
                <td>
                  <select
                    name={`roles[${i}][organizationId]`}
                    aria-label={`Organization of role ${i + 1}`}
                  >
                    <option value="">—</option>
                    {props.organizations.map((o) => (
                      <option value={String(o.id)} selected={String(o.id) === role.organizationId}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                  <CellError errors={errors} path={`roles.${i}.organizationId`} />
                </td>
                <td>
                  <input
                    name={`roles[${i}][startsOn]`}
                    value={role.startsOn}
                    aria-label={`Start of role ${i + 1}`}
                    class="narrow"
                  />
                  <CellError errors={errors} path={`roles.${i}.startsOn`} />
                </td>
                <td>
                  <input
                    name={`roles[${i}][endsOn]`}
                    value={role.endsOn}
                    aria-label={`End of role ${i + 1}`}
                    class="narrow"
                  />
                  <CellError errors={errors} path={`roles.${i}.endsOn`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.roles ? <p class="error">{errors.roles}</p> : null}
      </fieldset>
    </CatalogFormFrame>
  );
}
