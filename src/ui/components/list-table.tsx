import type { Child } from 'hono/jsx';
import { ColumnHeads } from './column-heads.tsx';

/**
 * Records as a table, one row each. With `empty`, a list with no records says so instead of
 * showing an empty table.
 */
export function ListTable<T>(props: {
  columns: Child[];
  /** A last column (of buttons, say) whose heading only screen readers hear. */
  unnamed?: string;
  items: readonly T[];
  row: (item: T, index: number) => Child;
  empty?: string;
}) {
  if (props.empty !== undefined && props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <table class="list">
      <ColumnHeads columns={props.columns} unnamed={props.unnamed} />
      <tbody>{props.items.map((item, index) => props.row(item, index))}</tbody>
    </table>
  );
}
