import { CONTRIBUTION_ROLES, CREDITS } from '../../../core/content-types.ts';
import type { Organization, Person } from '../../../core/entities.ts';
import { Options } from '../../../ui/admin/form-fields.tsx';
import { personLabel, roleLabel } from '../../../ui/admin/labels.ts';
import { SelectCell } from '../../../ui/admin/row-table.tsx';
import { ColumnHeads } from '../../../ui/components/column-heads.tsx';
import type { PublicationFormValues } from './publication-form.tsx';

type Contribution = PublicationFormValues['contributions'][number];

const BLANK: Contribution = {
  personId: '',
  role: 'author',
  credit: 'primary',
  affiliationLabel: '',
};

const CREDIT_CHOICES = CREDITS.map((r) => ({
  value: r,
  label: r === 'secondary' ? 'Secondary (“with …”)' : 'Primary',
}));
const ROLE_CHOICES = CONTRIBUTION_ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

/** Every spelling of a name, folded the way the editor's search folds what one types. */
export function foldedNames(person: Person): string {
  return [person.name, person.sortName, person.nameKo ?? '', person.slug]
    .map((n) =>
      n
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ''),
    )
    .join(' ');
}

/** A person's roles over time, for the script that suggests the role at the piece's date. */
export function rolesOverTime(person: Person, organizations: Organization[]): string {
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  return JSON.stringify(
    person.roles.map((r) => ({
      title: [r.title, r.organizationId ? names.get(r.organizationId) : null]
        .filter(Boolean)
        .join(', '),
      from: r.startsOn,
      to: r.endsOn,
    })),
  );
}

/** The person options of one row: the script finds and suggests from their data. */
function PeopleOptions(props: {
  people: Person[];
  organizations: Organization[];
  selected: string;
}) {
  return (
    <>
      <option value="">—</option>
      {props.people.map((p) => (
        <option
          value={String(p.id)}
          selected={props.selected === String(p.id)}
          data-names={foldedNames(p)}
          data-roles={rolesOverTime(p, props.organizations)}
        >
          {personLabel(p)}
        </option>
      ))}
    </>
  );
}

function ContributorRow(props: {
  index: number;
  row: Contribution;
  people: Person[];
  organizations: Organization[];
  errors: Record<string, string>;
  canAddPeople: boolean;
}) {
  const { index: i, row, errors } = props;
  const n = i + 1;
  const cell = (field: keyof Contribution) => ({
    name: `contributions[${i}][${field}]`,
    error: errors[`contributions.${i}.${field}`],
  });
  return (
    <tr class="contributor">
      <td data-label="Order" class="order-cell">
        <input
          type="number"
          name={`contributions[${i}][position]`}
          value={String(n)}
          min="1"
          aria-label={`Order of contributor ${n}`}
          class="narrow"
        />
      </td>
      <td data-label="Person" class="person-cell">
        <input
          type="search"
          class="person-find"
          aria-label={`Find contributor ${n} by any spelling`}
          placeholder="Find by any spelling"
          hidden
        />
        <select name={cell('personId').name} aria-label={`Contributor ${n}`}>
          <PeopleOptions
            people={props.people}
            organizations={props.organizations}
            selected={row.personId}
          />
        </select>
        {props.canAddPeople ? (
          <button type="button" class="secondary" data-new-person hidden>
            New person…
          </button>
        ) : null}
        {cell('personId').error ? <p class="error">{cell('personId').error}</p> : null}
      </td>
      <SelectCell {...cell('role')} column="Role" label={`Role of contributor ${n}`}>
        <Options choices={ROLE_CHOICES} selected={row.role} />
      </SelectCell>
      <SelectCell {...cell('credit')} column="Credit" label={`Credit of contributor ${n}`}>
        <Options choices={CREDIT_CHOICES} selected={row.credit} />
      </SelectCell>
      <td data-label="Role at the time">
        <input
          type="text"
          name={`contributions[${i}][affiliationLabel]`}
          value={row.affiliationLabel}
          aria-label={`Role of contributor ${n} at the time, as printed`}
        />
      </td>
      <td class="row-actions">
        <button type="button" class="secondary" data-move="-1" hidden>
          <span aria-hidden="true">↑</span>
          <span class="visually-hidden">Move contributor {n} up</span>
        </button>
        <button type="button" class="secondary" data-move="1" hidden>
          <span aria-hidden="true">↓</span>
          <span class="visually-hidden">Move contributor {n} down</span>
        </button>
        <button type="button" class="secondary" data-remove hidden>
          Remove<span class="visually-hidden"> contributor {n}</span>
        </button>
      </td>
    </tr>
  );
}

/**
 * The contributors, in order. Without JavaScript, blank rows are filled to add people and a row
 * emptied to remove one; the script adds, removes and reorders rows in place, finds a person by
 * any spelling, creates one in a dialog, and suggests the role they held on the piece's date.
 */
export function ContributorsFields(props: {
  rows: Contribution[];
  people: Person[];
  organizations: Organization[];
  errors: Record<string, string>;
  canAddPeople: boolean;
}) {
  // Two rows at least: a piece with two authors needs no save before the second.
  const spare = Math.max(1, 2 - props.rows.length);
  const rows = [...props.rows, ...Array.from({ length: spare }, () => BLANK)];
  const shared = {
    people: props.people,
    organizations: props.organizations,
    errors: props.errors,
    canAddPeople: props.canAddPeople,
  };
  return (
    <fieldset class="contributors-fields">
      <legend>Authors and other contributors, in order</legend>
      <p class="hint">
        The role at the time exactly as printed when the piece appeared, e.g. “HRNK Co-Chair”; it is
        suggested from the person's roles on the publication date. Leave the person empty to remove
        a row.
      </p>
      <table class="contributors">
        <ColumnHeads
          columns={['Order', 'Person', 'Role', 'Credit', 'Role at the time']}
          unnamed="Actions"
        />
        <tbody>
          {rows.map((row, i) => (
            <ContributorRow index={i} row={row} {...shared} />
          ))}
        </tbody>
      </table>
      <template id="contributor-row">
        <ContributorRow index={rows.length} row={BLANK} {...shared} />
      </template>
      <p>
        <button type="button" class="secondary" data-add-contributor hidden>
          Add a contributor
        </button>
        {props.canAddPeople ? (
          <a href="/admin/people/new" target="_blank" class="no-script-only" rel="noopener">
            Add a person (opens a new tab)
          </a>
        ) : null}
      </p>
      {props.errors.contributions ? <p class="error">{props.errors.contributions}</p> : null}
    </fieldset>
  );
}
