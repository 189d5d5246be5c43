import type { Child } from 'hono/jsx';

/**
 * What a page says after an action: a status line, or with `error` an alert; nothing if empty.
 * A `link` names where to see the result ("Published. View it").
 */
export function Flash(props: {
  message?: string | undefined;
  error?: boolean;
  link?: { href: string; label: string } | null;
}) {
  if (!props.message) return null;
  return (
    <p class={props.error ? 'flash error' : 'flash'} role={props.error ? 'alert' : 'status'}>
      {props.message}
      {props.link ? (
        <>
          {' '}
          <a href={props.link.href}>{props.link.label}</a>
        </>
      ) : null}
    </p>
  );
}

/** Above a form that was refused: what happened to it. The fields carry their own errors. */
export function RefusedNotice(props: { errors: Record<string, string>; children?: Child }) {
  return Object.keys(props.errors).length > 0 ? (
    <p class="flash error" role="alert">
      {props.children}
    </p>
  ) : null;
}

/** Above a refused editing form: that nothing typed is lost, and the error no field owns. */
export function CorrectionSummary(props: { errors: Record<string, string> }) {
  const { errors } = props;
  return Object.keys(errors).length > 0 ? (
    <div class="flash error" role="alert">
      <p>Please correct the marked fields. Nothing was saved yet; everything you typed is kept.</p>
      {errors.form ? <p class="error">{errors.form}</p> : null}
    </div>
  ) : null;
}
