import type { Child } from 'hono/jsx';
import { ColumnHeads } from '../components/column-heads.tsx';

/**
 * Ties one row of a row table (the names of a place, the roles of a person) to its values and
 * errors: `cell('title')` names the field `roles[2][title]` as posted, with the value typed and
 * the error read by its path, `roles.2.title`.
 */
export function rowBinder<V extends object>(
  rows: string,
  index: number,
  values: V,
  errors: Record<string, string>,
) {
  return <K extends keyof V & string>(field: K) => ({
    name: `${rows}[${index}][${field}]`,
    value: values[field],
    error: errors[`${rows}.${index}.${field}`],
  });
}

/**
 * A table of rows to edit (the names of a place, the roles of a person) in a fieldset, with its
 * hint as children. `spare` blank rows follow the rows there are: a form without JavaScript adds
 * rows by filling them. `row` draws one row's cells; the table's own error comes last.
 */
export function RowTable<V extends object>(props: {
  legend: string;
  columns: string[];
  name: string;
  rows: V[];
  blank: V;
  spare: number;
  errors: Record<string, string>;
  row: (cell: ReturnType<typeof rowBinder<V>>, values: V, index: number) => Child;
  children?: Child;
}) {
  const { name, errors } = props;
  const rows = [...props.rows, ...Array.from({ length: props.spare }, () => props.blank)];
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <p class="hint">{props.children}</p>
      <table class="contributors">
        <ColumnHeads columns={props.columns} />
        <tbody>
          {rows.map((values, i) => (
            <tr>{props.row(rowBinder(name, i, values, errors), values, i)}</tr>
          ))}
        </tbody>
      </table>
      {errors[name] ? <p class="error">{errors[name]}</p> : null}
    </fieldset>
  );
}

interface CellProps {
  name: string;
  /** What a screen reader says the cell is, e.g. "Start of role 2". */
  label: string;
  error?: string;
}

function CellError(props: { error?: string }) {
  return props.error ? <p class="error">{props.error}</p> : null;
}

/** A text cell, its error below it. */
export function TextCell(props: CellProps & { value: string; narrow?: boolean; column?: string }) {
  return (
    <td data-label={props.column}>
      <input
        name={props.name}
        value={props.value}
        aria-label={props.label}
        class={props.narrow ? 'narrow' : undefined}
      />
      <CellError error={props.error} />
    </td>
  );
}

/**
 * A select cell, its options as children and its error below it. `column` names the cell where
 * a narrow screen stacks the row's cells.
 */
export function SelectCell(props: CellProps & { column?: string; children?: Child }) {
  return (
    <td data-label={props.column}>
      <select name={props.name} aria-label={props.label}>
        {props.children}
      </select>
      <CellError error={props.error} />
    </td>
  );
}
