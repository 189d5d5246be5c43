import { NAME_SCHEMES, PLACE_KINDS } from '../../../core/content-types.ts';
import { Field, fieldBinder, Options, SelectField } from '../../../ui/admin/form-fields.tsx';
import { RowTable, SelectCell, TextCell } from '../../../ui/admin/row-table.tsx';
import { EntityFormFrame, type EntityFormProps } from './entity-form-frame.tsx';

export interface PlaceNameValues {
  name: string;
  language: string;
  scheme: string;
  preferred: boolean;
}

export interface PlaceFormValues {
  slug: string;
  kind: string;
  parentId: string;
  latitude: string;
  longitude: string;
  coordinatesSource: string;
  parentSource: string;
  /** GeoJSON text. */
  footprint: string;
  footprintSource: string;
  names: PlaceNameValues[];
}

const SPARE_ROWS = 3;

const SCHEME_LABELS: Record<string, string> = {
  hangul: 'Hangul',
  hanja: 'Hanja',
  'mccune-reischauer': 'McCune–Reischauer',
  revised: 'Revised Romanization',
  english: 'English',
  other: 'Other',
};

const schemes = NAME_SCHEMES.map((s) => ({ value: s, label: SCHEME_LABELS[s] ?? s }));

export function PlaceForm(
  props: EntityFormProps<PlaceFormValues> & { parents: Array<{ id: number; label: string }> },
) {
  const { values: v, errors } = props;
  const bound = fieldBinder(v, errors);
  const heading = v.names.find((n) => n.preferred)?.name ?? v.names[0]?.name ?? v.slug;
  return (
    <EntityFormFrame {...props} title={props.id ? `Place: ${heading}` : 'New place'}>
      <RowTable
        legend="Names"
        columns={['Name', 'Language', 'Script or romanization', 'Preferred']}
        name="names"
        rows={v.names}
        blank={{ name: '', language: '', scheme: 'english', preferred: false }}
        spare={SPARE_ROWS}
        errors={errors}
        row={(cell, n, i) => (
          <>
            <TextCell {...cell('name')} column="Name" label={`Name ${i + 1}`} />
            <TextCell
              {...cell('language')}
              column="Language"
              label={`Language of name ${i + 1}`}
              narrow
            />
            <SelectCell
              {...cell('scheme')}
              column="Script or romanization"
              label={`Script or romanization of name ${i + 1}`}
            >
              <Options choices={schemes} selected={n.scheme} />
            </SelectCell>
            <td data-label="Preferred">
              <input
                type="checkbox"
                name={`names[${i}][preferred]`}
                value="1"
                checked={n.preferred}
                aria-label={`Name ${i + 1} is preferred`}
              />
            </td>
          </>
        )}
      >
        Every way the place is written: Hangul, Hanja, McCune–Reischauer, Revised Romanization,
        English… Search finds it under each. Mark the name to show first. Leave a name empty to
        remove its row.
      </RowTable>
      <Field {...bound('slug')} label="Slug" required hint="The address: /places/slug/." />
      <SelectField {...bound('kind')} label="Kind" required empty={null} options={PLACE_KINDS} />
      <SelectField
        {...bound('parentId')}
        label="Lies in"
        options={props.parents.map((p) => ({ value: String(p.id), label: p.label }))}
      />
      <Field
        {...bound('parentSource')}
        label="Source for where it lies"
        multiline
        rows={2}
        hint="The public source that puts the place inside the one above: shown on the place's page."
      />
      <fieldset>
        <legend>Coordinates</legend>
        <p class="hint">
          Decimal degrees. Wrong coordinates for a prison camp do real harm: say where they come
          from.
        </p>
        <Field {...bound('latitude')} label="Latitude" hint="-90 to 90, e.g. 41.79" />
        <Field {...bound('longitude')} label="Longitude" hint="-180 to 180, e.g. 129.72" />
        <Field
          {...bound('coordinatesSource')}
          label="Source of the coordinates"
          multiline
          rows={2}
          hint="Required with coordinates: the imagery report, gazetteer or testimony they come from."
        />
      </fieldset>
      <fieldset>
        <legend>Outline</legend>
        <p class="hint">
          The place's boundary as a GeoJSON Polygon or MultiPolygon in longitude and latitude (WGS
          84), as drawing tools export it. It is stored with exterior rings counterclockwise. An
          outline crossing the 180th meridian is refused: split it there first.
        </p>
        <Field
          {...bound('footprint')}
          label="Outline (GeoJSON)"
          multiline
          rows={6}
          hint='For example {"type":"Polygon","coordinates":[[[129.74,42.2],[129.77,42.2],[129.77,42.22],[129.74,42.2]]]}'
        />
        <Field
          {...bound('footprintSource')}
          label="Source of the outline"
          multiline
          rows={2}
          hint="Required with an outline: the imagery report, gazetteer or scene footprint it follows."
        />
      </fieldset>
    </EntityFormFrame>
  );
}
