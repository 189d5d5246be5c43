import type { AppContext } from '../../../core/app-context.ts';
import { ValidationError } from '../../../core/errors.ts';
import { personLabel } from '../../../ui/admin/labels.ts';
import { type AdminRoute, actorOf } from '../../accounts/index.ts';
import { addPersonByName } from '../add-person-by-name.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The editor's "New person" dialog posts here. A script asking for JSON gets the new person's
 * id and label to put in the contributor row; a plain form post goes on to the person's page.
 */
export function personQuickRoutes(app: AppContext): AdminRoute[] {
  return [
    {
      method: 'POST',
      path: '/admin/people/quick',
      action: 'entities.edit',
      handler: async (c) => {
        const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
        const body = await c.req.parseBody();
        const organizationId = Number(text(body.organizationId));
        try {
          const person = await addPersonByName(
            app,
            {
              name: text(body.name),
              sortName: text(body.sortName),
              nameKo: text(body.nameKo),
              roleTitle: text(body.roleTitle),
              organizationId:
                Number.isInteger(organizationId) && organizationId > 0 ? organizationId : null,
            },
            actorOf(c),
          );
          if (!wantsJson) return c.redirect(`/admin/people/${person.id}?saved=1`, 303);
          return c.json(
            { ok: true, id: person.id, label: personLabel(person), roles: person.roles },
            201,
          );
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const issue = error.issues[0];
          const message = `${FIELD_NAMES[issue?.path.split('.')[0] ?? ''] ?? 'This person'}: ${issue?.message ?? error.message}`;
          return wantsJson ? c.json({ ok: false, error: message }, 422) : c.text(message, 422);
        }
      },
    },
  ];
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  sortName: 'Sorted as',
  nameKo: 'Name in Korean',
  roles: 'Role',
  slug: 'Name',
};
