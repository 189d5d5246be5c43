import type { Organization } from '../../../core/entities.ts';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/**
 * A small dialog that adds a person without leaving the editor: the script opens it from a
 * contributor row, posts it, and puts the new person in that row. It stays closed (and unused)
 * without JavaScript, where the form links to the full person form instead.
 */
export function PersonDialog(props: { ctx: AdminPageContext; organizations: Organization[] }) {
  return (
    <dialog id="person-dialog" aria-labelledby="person-dialog-title">
      <form method="post" action="/admin/people/quick" id="person-quick">
        <h2 id="person-dialog-title">New person</h2>
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <p class="flash error" role="alert" id="person-quick-error" hidden></p>
        <div class="field">
          <label for="p-name">
            Name as printed<span aria-hidden="true"> *</span>
          </label>
          <input id="p-name" name="name" required maxlength={300} autocomplete="off" />
        </div>
        <div class="field">
          <label for="p-sortName">Sorted as</label>
          <p class="hint" id="p-sortName-hint">
            e.g. “Scarlatoiu, Greg”; leave empty to sort by the name as printed.
          </p>
          <input
            id="p-sortName"
            name="sortName"
            maxlength={300}
            autocomplete="off"
            aria-describedby="p-sortName-hint"
          />
        </div>
        <div class="field">
          <label for="p-nameKo">Name in Korean</label>
          <input id="p-nameKo" name="nameKo" maxlength={300} autocomplete="off" lang="ko" />
        </div>
        <div class="field">
          <label for="p-roleTitle">Role (e.g. Executive Director)</label>
          <input id="p-roleTitle" name="roleTitle" maxlength={300} autocomplete="off" />
        </div>
        <div class="field">
          <label for="p-organizationId">At</label>
          <select id="p-organizationId" name="organizationId">
            <option value="">—</option>
            {props.organizations.map((o) => (
              <option value={String(o.id)}>{o.name}</option>
            ))}
          </select>
        </div>
        <p class="dialog-actions">
          <button type="submit" class="primary">
            Add the person
          </button>{' '}
          <button type="button" class="secondary" data-close-dialog>
            Cancel
          </button>
        </p>
      </form>
    </dialog>
  );
}
