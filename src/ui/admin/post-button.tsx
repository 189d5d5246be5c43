import type { AdminPageContext } from './admin-layout.tsx';

/**
 * One button that posts to an action, as a form of its own (with the CSRF token and any hidden
 * fields it needs), so that it can sit inside a table cell or a line of text.
 */
export function PostButton(props: {
  ctx: AdminPageContext;
  action: string;
  label: string;
  danger?: boolean;
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.danger ? 'danger' : undefined}>
        {props.label}
      </button>
    </form>
  );
}
