import type { Child } from 'hono/jsx';

/**
 * The back office's form fields. Each has its label (marked when required), an optional hint,
 * and its error beside it, tied to the control for screen readers; the value typed is kept
 * after an error.
 */

interface FieldFrameProps {
  label: string;
  name: string;
  error?: string;
  required?: boolean;
  hint?: string;
}

const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** What the control's aria-describedby names: its hint and its error, when it has them. */
function describedBy(props: FieldFrameProps): string | undefined {
  const id = idOf(props.name);
  return (
    [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

function FieldFrame(props: FieldFrameProps & { children?: Child }) {
  const id = idOf(props.name);
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A text field, or with `multiline` a text area. */
export function Field(
  props: FieldFrameProps & {
    value?: string | number | null;
    type?: string;
    autocomplete?: string;
    multiline?: boolean;
    rows?: number;
  },
) {
  const id = idOf(props.name);
  const invalid = props.error ? 'true' : undefined;
  return (
    <FieldFrame {...props}>
      {props.multiline ? (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 6}
          required={props.required}
          aria-invalid={invalid}
          aria-describedby={describedBy(props)}
        >
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          // A file input has no value to show, and a colour always has one (HTML forbids both).
          value={props.type === 'file' ? undefined : (props.value ?? '')}
          required={props.type === 'color' ? undefined : props.required}
          autocomplete={props.autocomplete}
          aria-invalid={invalid}
          aria-describedby={describedBy(props)}
        />
      )}
    </FieldFrame>
  );
}

/** A choice in a select: its value, and what the list shows (the value itself when no label). */
export type Choice = string | { value: string; label: string };

/** A select's options, each marked selected when its value is `selected` (or one of them). */
export function Options(props: {
  choices: readonly Choice[];
  selected: string | readonly string[];
}) {
  const { selected } = props;
  return (
    <>
      {props.choices.map((choice) => {
        const { value, label } =
          typeof choice === 'string' ? { value: choice, label: choice } : choice;
        const chosen = typeof selected === 'string' ? value === selected : selected.includes(value);
        return (
          <option value={value} selected={chosen}>
            {label}
          </option>
        );
      })}
    </>
  );
}

/** A select; unless `empty` is null, its first choice is empty (labelled `empty`, or a dash). */
export function SelectField(
  props: FieldFrameProps & { value: string; options: readonly Choice[]; empty?: string | null },
) {
  return (
    <FieldFrame {...props}>
      <select
        id={idOf(props.name)}
        name={props.name}
        // Without an empty choice a select always sends one: HTML allows `required` only with it.
        required={props.empty !== null ? props.required : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.empty !== null ? <option value="">{props.empty ?? '—'}</option> : null}
        <Options choices={props.options} selected={props.value} />
      </select>
    </FieldFrame>
  );
}

/**
 * Ties a form's fields to its values and errors by name: `bound('slug')` gives the field its
 * name, the value typed and the error about it, so that the three can never disagree.
 */
export function fieldBinder<V extends object>(values: V, errors: Record<string, string>) {
  return <K extends keyof V & string>(name: K) => ({
    name,
    value: values[name],
    error: errors[name],
  });
}

/**
 * One text in English and in Korean: the fields `name` ("Title") and `nameKo` ("Korean title").
 * Only the English one may be required or carry a hint; the Korean one is always optional.
 */
export function BilingualFields<K extends string>(props: {
  label: string;
  name: K;
  values: Record<K | `${K}Ko`, string>;
  errors: Record<string, string>;
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  rows?: number;
}) {
  const { label, name, values, errors } = props;
  const korean = `${name}Ko` as const;
  return (
    <>
      <Field
        label={label}
        name={name}
        value={values[name]}
        required={props.required}
        error={errors[name]}
        hint={props.hint}
        multiline={props.multiline}
        rows={props.rows}
      />
      <Field
        label={`Korean ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        name={korean}
        value={values[korean]}
        error={errors[korean]}
        multiline={props.multiline}
        rows={props.rows}
      />
    </>
  );
}
