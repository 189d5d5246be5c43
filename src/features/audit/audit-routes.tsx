import type { AppContext } from '../../core/app-context.ts';
import {
  type AdminContext,
  type AdminRoute,
  actorOf,
  adminPageContext,
  idOf,
  renderAdmin,
} from '../accounts/index.ts';
import { type AuditFormat, exportAudit } from './audit-export.ts';
import { AuditPage } from './audit-page.tsx';
import { auditQuery, auditQueryString } from './audit-query.ts';

const PAGE = 100;

const TYPES: Record<AuditFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/**
 * The audit trail: a filtered list and its exports. Only reading routes exist here on purpose —
 * the trail is append-only, and no route of the back office edits or deletes it.
 */
export function auditRoutes(app: AppContext): AdminRoute[] {
  const download = async (c: AdminContext, format: AuditFormat) => {
    const { filter, errors } = auditQuery(c);
    if (Object.keys(errors).length > 0) return c.text(Object.values(errors).join('\n'), 400);
    const stream = await exportAudit(app, filter, format, actorOf(c));
    const day = app.clock.now().toISOString().slice(0, 10);
    return c.body(stream, 200, {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="audit-${day}.${format}"`,
    });
  };

  return [
    {
      method: 'GET',
      path: '/admin/audit',
      action: 'audit.read',
      handler: async (c) => {
        const { values, filter, errors } = auditQuery(c);
        const valid = Object.keys(errors).length === 0;
        const before = idOf(c.req.query('before')) ?? undefined;
        const events = valid
          ? await app.repos.audit.list({ ...filter, beforeId: before, limit: PAGE })
          : [];
        const last = events[events.length - 1];
        return renderAdmin(
          c,
          <AuditPage
            ctx={await adminPageContext(app, c)}
            events={events}
            actions={await app.repos.audit.actions()}
            users={await app.repos.users.list()}
            filter={values}
            errors={errors}
            query={auditQueryString(values)}
            nextPage={
              events.length === PAGE && last
                ? `/admin/audit${auditQueryString(values, { before: String(last.id) })}`
                : null
            }
          />,
          valid ? 200 : 422,
        );
      },
    },
    {
      method: 'GET',
      path: '/admin/audit.csv',
      action: 'audit.read',
      handler: (c) => download(c, 'csv'),
    },
    {
      method: 'GET',
      path: '/admin/audit.jsonl',
      action: 'audit.read',
      handler: (c) => download(c, 'jsonl'),
    },
  ];
}
