import { NAME_SCHEMES, PLACE_KINDS } from '../../../core/content-types.ts';
import { Field } from '../../../ui/admin/admin-layout.tsx';
import {
  CatalogFormFrame,
  type CatalogFormProps,
  CellError,
  SelectField,
} from './entity-form-frame.tsx';

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

export function PlaceForm(
  props: CatalogFormProps<PlaceFormValues> & { parents: Array<{ id: number; label: string }> },
) {
  const { values: v, errors } = props;
  const blank: PlaceNameValues = { name: '', language: '', scheme: 'english', preferred: false };
  const names = [...v.names, ...Array.from({ length: SPARE_ROWS }, () => blank)];
  const heading = v.names.find((n) => n.preferred)?.name ?? v.names[0]?.name ?? v.slug;
  return (
    <CatalogFormFrame {...props} title={props.id ? `Place: ${heading}` : 'New place'}>
      <fieldset>
        <legend>Names</legend>
        <p class="hint">
          Every way the place is written: Hangul, Hanja, McCune–Reischauer, Revised Romanization,
          English… Search finds it under each. Mark the name to show first. Leave a name empty to
          remove its row.
        </p>
        <table class="contributors">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Language</th>
              <th scope="col">Script or romanization</th>
              <th scope="col">Preferred</th>
            </tr>
          </thead>
          <tbody>
            {names.map((n, i) => (
              <tr>
                <td>
                  <input name={`names[${i}][name]`} value={n.name} aria-label={`Name ${i + 1}`} />
                  <CellError errors={errors} path={`names.${i}.name`} />
                </td>
                <td>
                  <input
                    name={`names[${i}][language]`}
                    value={n.language}
                    aria-label={`Language of name ${i + 1}`}
                    class="narrow"
                  />
                  <CellError errors={errors} path={`names.${i}.language`} />
                </td>
                <td>
                  <select
                    name={`names[${i}][scheme]`}
                    aria-label={`Script or romanization of name ${i + 1}`}
                  >
                    {NAME_SCHEMES.map((s) => (
                      <option value={s} selected={s === n.scheme}>
                        {SCHEME_LABELS[s] ?? s}
                      </option>
                    ))}
                  </select>
                  <CellError errors={errors} path={`names.${i}.scheme`} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`names[${i}][preferred]`}
                    value="1"
                    checked={n.preferred}
                    aria-label={`Name ${i + 1} is preferred`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.names ? <p class="error">{errors.names}</p> : null}
      </fieldset>
      <Field
        label="Slug"
        name="slug"
        value={v.slug}
        required
        error={errors.slug}
        hint="The address: /places/slug/."
      />
      <SelectField
        label="Kind"
        name="kind"
        value={v.kind}
        required
        empty={null}
        error={errors.kind}
        options={PLACE_KINDS.map((k) => ({ value: k, label: k }))}
      />
      <SelectField
        label="Lies in"
        name="parentId"
        value={v.parentId}
        error={errors.parentId}
        options={props.parents.map((p) => ({ value: String(p.id), label: p.label }))}
      />
      <fieldset>
        <legend>Coordinates</legend>
        <p class="hint">
          Decimal degrees. Wrong coordinates for a prison camp do real harm: say where they come
          from.
        </p>
        <Field
          label="Latitude"
          name="latitude"
          value={v.latitude}
          error={errors.latitude}
          hint="-90 to 90, e.g. 41.79"
        />
        <Field
          label="Longitude"
          name="longitude"
          value={v.longitude}
          error={errors.longitude}
          hint="-180 to 180, e.g. 129.72"
        />
        <Field
          label="Source of the coordinates"
          name="coordinatesSource"
          value={v.coordinatesSource}
          multiline
          rows={2}
          error={errors.coordinatesSource}
          hint="Required with coordinates: the imagery report, gazetteer or testimony they come from."
        />
      </fieldset>
    </CatalogFormFrame>
  );
}
