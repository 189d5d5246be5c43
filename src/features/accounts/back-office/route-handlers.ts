import { ValidationError } from '../../../core/errors.ts';
import type { AdminContext } from './route-table.ts';
import { domainErrorAnswer, idOf } from './staff-request.ts';

type Handler = (c: AdminContext) => Promise<Response>;

/**
 * The handler of a route whose path names a record by its `:id`. `load` finds the record; when
 * the id is not one, or nothing is found, the answer is 404 "No such <what>" and `handle` never
 * runs. A route that needs only the id loads it as it is: `loadOr404('job', (id) => id, …)`.
 */
export function loadOr404<R>(
  what: string,
  load: (id: number) => R | undefined | Promise<R | undefined>,
  handle: (c: AdminContext, record: R) => Response | Promise<Response>,
): Handler {
  return async (c) => {
    const id = idOf(c.req.param('id'));
    const record = id === null ? undefined : await load(id);
    return record === undefined ? c.text(`No such ${what}`, 404) : handle(c, record);
  };
}

/**
 * A button's post that acts on the record named by `:id`, then goes back to the page `then`
 * names. An id that is none answers 404; a domain error answers with its status, except that a
 * refusal (a ValidationError) is shown on the page by `refused` when the route gives one.
 */
export function actOnRecord(
  what: string,
  act: (c: AdminContext, id: number) => Promise<unknown>,
  then: (id: number) => string,
  refused?: (c: AdminContext, error: ValidationError) => Response | Promise<Response>,
): Handler {
  return loadOr404(
    what,
    (id) => id,
    (c, id) =>
      submitForm(
        c,
        async () => {
          await act(c, id);
          return c.redirect(then(id), 303);
        },
        (error) => (refused ? refused(c, error) : domainErrorAnswer(c, error)),
      ),
  );
}

/**
 * Does what a posted form asks and gives its answer. A refusal (a ValidationError) is answered by
 * `refused`, usually the form again with what was typed and the errors; any other domain error
 * by its status; anything else is a real failure and goes on up.
 */
export async function submitForm(
  c: AdminContext,
  run: () => Promise<Response>,
  refused: (error: ValidationError) => Response | Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationError) return refused(error);
    return domainErrorAnswer(c, error);
  }
}
