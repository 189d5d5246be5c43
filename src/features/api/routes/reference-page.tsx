import type { Child } from 'hono/jsx';
import { ColumnHeads } from '../../../ui/components/column-heads.tsx';
import { PROBLEMS, type ProblemType } from './problem.ts';

/**
 * The API reference, drawn on the server from the OpenAPI document itself: every operation with
 * its parameters, body, answers and the shapes they name. No script, no inline style, nothing
 * from another origin: the site's stylesheet and the strict Content-Security-Policy apply.
 */
type Json = Record<string, unknown>;

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Json>>;
  components?: { schemas?: Record<string, Json> };
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

const anchor = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function TypeOf(props: { schema: unknown }): Child {
  const s = (props.schema ?? {}) as Json;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').pop() ?? '';
    return <a href={`#schema-${anchor(name)}`}>{name}</a>;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const parts = s[key];
    if (Array.isArray(parts)) {
      return (
        <span>
          {parts.map((p, i) => (
            <>
              {i > 0 ? (key === 'allOf' ? ' & ' : ' | ') : ''}
              <TypeOf schema={p} />
            </>
          ))}
        </span>
      );
    }
  }
  if (Array.isArray(s.enum)) return <code>{s.enum.map((v) => JSON.stringify(v)).join(' | ')}</code>;
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [String(s.type)] : [];
  if (types.includes('array')) {
    const rest = types.filter((t) => t !== 'array');
    return (
      <span>
        array of <TypeOf schema={s.items} />
        {rest.length > 0 ? ` | ${rest.join(' | ')}` : ''}
      </span>
    );
  }
  if (types.includes('object') && s.properties) return <span>object (below)</span>;
  const facts = [
    s.format ? `format ${s.format}` : null,
    s.pattern ? `pattern ${s.pattern}` : null,
    s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : null,
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : null,
    s.maximum !== undefined ? `≤ ${s.maximum}` : null,
    s.maxItems !== undefined ? `≤ ${s.maxItems} items` : null,
    s.default !== undefined ? `default ${JSON.stringify(s.default)}` : null,
  ].filter(Boolean);
  return (
    <span>
      <code>{types.join(' | ') || 'any'}</code>
      {facts.length > 0 ? ` (${facts.join(', ')})` : ''}
    </span>
  );
}

function Properties(props: { schema: Json }): Child {
  const properties = (props.schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((props.schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0) return <TypeOf schema={props.schema} />;
  return (
    <table class="list">
      <ColumnHeads columns={['Field', 'Type', 'Required']} />
      <tbody>
        {names.map((name) => {
          const p = properties[name] as Json;
          const nested =
            p.type === 'object' && p.properties
              ? p
              : p.type === 'array' && (p.items as Json | undefined)?.properties
                ? (p.items as Json)
                : null;
          return (
            <tr>
              <td>
                <code>{name}</code>
              </td>
              <td>
                <TypeOf schema={p} />
                {typeof p.description === 'string' ? <p>{p.description}</p> : null}
                {nested ? <Properties schema={nested} /> : null}
              </td>
              <td>{required.has(name) ? 'yes' : 'no'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Operation(props: { method: string; path: string; op: Json }): Child {
  const { method, path, op } = props;
  const params = (op.parameters ?? []) as Json[];
  const body = op.requestBody as Json | undefined;
  const responses = (op.responses ?? {}) as Record<string, Json>;
  const id = anchor(`${method} ${path}`);
  return (
    <section id={id}>
      <h3>
        <code>
          {method.toUpperCase()} {path}
        </code>
      </h3>
      {op.summary ? <p>{String(op.summary)}</p> : null}
      {op.description ? <p>{String(op.description)}</p> : null}
      {op.security ? <p>Needs a token (Authorization: Bearer …).</p> : null}
      {params.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <table class="list">
            <ColumnHeads columns={['Name', 'In', 'Type', 'Required']} />
            <tbody>
              {params.map((p) => (
                <tr>
                  <td>
                    <code>{String(p.name)}</code>
                  </td>
                  <td>{String(p.in)}</td>
                  <td>
                    <TypeOf schema={p.schema} />
                    {typeof p.description === 'string' ? <p>{p.description}</p> : null}
                    {typeof (p.schema as Json | undefined)?.description === 'string' ? (
                      <p>{String((p.schema as Json).description)}</p>
                    ) : null}
                  </td>
                  <td>{p.required ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {body ? (
        <>
          <h4>Body</h4>
          {Object.entries((body.content ?? {}) as Record<string, Json>).map(([type, media]) => (
            <p>
              <code>{type}</code>: <TypeOf schema={media.schema} />
            </p>
          ))}
        </>
      ) : null}
      <h4>Answers</h4>
      <ul>
        {Object.entries(responses).map(([status, r]) => (
          <li>
            <strong>{status}</strong> {String(r.description ?? '')}
            {Object.entries((r.content ?? {}) as Record<string, Json>).map(([type, media]) => (
              <>
                {' '}
                — <code>{type}</code> <TypeOf schema={media.schema} />
              </>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReferencePage(props: {
  doc: OpenApiDoc;
  css: { path: string; integrity: string };
}) {
  const { doc } = props;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] as Json })),
  );
  const schemas = doc.components?.schemas ?? {};
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.info.title} ${doc.info.version} — reference`}</title>
        <link rel="stylesheet" href={props.css.path} integrity={props.css.integrity} />
      </head>
      <body>
        <main id="main">
          <h1>
            {doc.info.title} {doc.info.version}
          </h1>
          {doc.info.description
            ? doc.info.description.split('\n\n').map((para) => <p>{para}</p>)
            : null}
          <p>
            The machine-readable description: <a href="/api/v1/openapi.json">openapi.json</a>{' '}
            (OpenAPI 3.1).
          </p>
          <nav aria-label="Operations">
            <h2>Operations</h2>
            <ul>
              {operations.map(({ method, path, op }) => (
                <li>
                  <a href={`#${anchor(`${method} ${path}`)}`}>
                    <code>
                      {method.toUpperCase()} {path}
                    </code>
                  </a>{' '}
                  {String(op.summary ?? '')}
                </li>
              ))}
            </ul>
          </nav>
          <h2>Operations in detail</h2>
          {operations.map(({ method, path, op }) => (
            <Operation method={method} path={path} op={op} />
          ))}
          <h2>Shapes</h2>
          {Object.entries(schemas).map(([name, schema]) => (
            <section id={`schema-${anchor(name)}`}>
              <h3>{name}</h3>
              <Properties schema={schema} />
            </section>
          ))}
          <h2>Problems</h2>
          <p>
            Every failure is <code>application/problem+json</code> (RFC 9457). Its <code>type</code>{' '}
            is one of these and never changes.
          </p>
          <dl>
            {(Object.keys(PROBLEMS) as ProblemType[]).map((type) => (
              <>
                <dt id={`problem-${type}`}>
                  <code>/api/v1/problems/{type}</code> ({PROBLEMS[type].status})
                </dt>
                <dd>{PROBLEMS[type].title}</dd>
              </>
            ))}
          </dl>
        </main>
      </body>
    </html>
  );
}
