import type { Organization } from '../../../core/entities.ts';
import type { ImageRecord } from '../../../core/images.ts';
import { BilingualFields, Field, fieldBinder, Options } from '../../../ui/admin/form-fields.tsx';
import { RowTable, SelectCell, TextCell } from '../../../ui/admin/row-table.tsx';
import { EntityFormFrame, type EntityFormProps } from './entity-form-frame.tsx';
import { PhotoPanel } from './photo-panel.tsx';

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
  nameKoSource: string;
  bio: string;
  bioKo: string;
  orcid: string;
  roles: PersonRoleValues[];
}

/** Spare rows: a form without JavaScript adds roles by filling them. */
const SPARE_ROWS = 2;

export function PersonForm(
  props: EntityFormProps<PersonFormValues> & {
    organizations: Organization[];
    photo?: ImageRecord | null;
  },
) {
  const { values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  const organizations = props.organizations.map((o) => ({ value: String(o.id), label: o.name }));
  return (
    <EntityFormFrame
      {...props}
      title={props.id ? `Person: ${v.name}` : 'New person'}
      after={
        props.id ? (
          <PhotoPanel
            ctx={props.ctx}
            personId={props.id}
            photo={props.photo ?? null}
            error={errors.photo}
          />
        ) : null
      }
    >
      <Field {...bound('name')} label="Name" required />
      <Field
        {...bound('sortName')}
        label="Sort name"
        required
        hint="As lists order it: Cohen, Roberta."
      />
      <Field
        {...bound('nameKo')}
        label="Korean name"
        hint="In Hangul, as a published source prints it."
      />
      <Field
        {...bound('nameKoSource')}
        label="Source of the Korean name"
        hint="Where this Hangul form is published (a publication, a page, its address). Without a source the public site does not show the Korean name: a Hangul form of a foreign name is one transcription among several."
      />
      <Field {...bound('slug')} label="Slug" required hint="The address: /people/slug/." />
      <Field {...bound('orcid')} label="ORCID" hint="0000-0002-1825-0097" />
      <BilingualFields
        label="Biography"
        name="bio"
        values={v}
        errors={errors}
        multiline
        rows={5}
        hint="Markdown."
      />
      <RowTable
        legend="Roles over time"
        columns={['Title', 'Organization', 'From', 'To']}
        name="roles"
        rows={v.roles}
        blank={{ title: '', organizationId: '', startsOn: '', endsOn: '' }}
        spare={SPARE_ROWS}
        errors={errors}
        row={(cell, role, i) => (
          <>
            <TextCell {...cell('title')} column="Title" label={`Title of role ${i + 1}`} />
            <SelectCell
              {...cell('organizationId')}
              column="Organization"
              label={`Organization of role ${i + 1}`}
            >
              <option value="">—</option>
              <Options choices={organizations} selected={role.organizationId} />
            </SelectCell>
            <TextCell {...cell('startsOn')} column="From" label={`Start of role ${i + 1}`} narrow />
            <TextCell {...cell('endsOn')} column="To" label={`End of role ${i + 1}`} narrow />
          </>
        )}
      >
        Years or days (2012, 2012-05, 2012-05-31). Leave “to” empty for a role held now, and the
        title empty to remove a row. Bylines keep the affiliation printed at the time; these roles
        are the person’s own history.
      </RowTable>
    </EntityFormFrame>
  );
}
