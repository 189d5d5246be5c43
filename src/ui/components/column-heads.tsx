import type { Child } from 'hono/jsx';

/**
 * A table's head: one column heading each. `unnamed` adds a last column (of buttons, say) whose
 * heading only screen readers hear.
 */
export function ColumnHeads(props: { columns: Child[]; unnamed?: string }) {
  return (
    <thead>
      <tr>
        {props.columns.map((column) => (
          <th scope="col">{column}</th>
        ))}
        {props.unnamed ? (
          <th scope="col">
            <span class="visually-hidden">{props.unnamed}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
