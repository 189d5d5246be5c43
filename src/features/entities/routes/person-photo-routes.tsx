import type { AppContext } from '../../../core/app-context.ts';
import type { Person } from '../../../core/entities.ts';
import { ValidationError } from '../../../core/errors.ts';
import {
  type AdminContext,
  type AdminRoute,
  actorOf,
  adminPageContext,
  idOf,
  param,
  renderAdmin,
} from '../../accounts/index.ts';
import { addImage, removeImage } from '../../publishing/index.ts';
import { ENTITY_KINDS } from '../views/entity-list.tsx';
import { PersonForm, type PersonFormValues } from '../views/person-form.tsx';

const MAX_PHOTO_BYTES = 7 * 1024 * 1024;

const text = (body: Record<string, unknown>, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : null;
};

/**
 * A person's photo, on forms of its own beside the person's form. A new photo replaces the old
 * one: a person has one photo. A credit is required: a photo of a person is someone's work.
 */
export function personPhotoRoutes(
  app: AppContext,
  valuesOf: (p: Person) => PersonFormValues,
): AdminRoute[] {
  const path = ENTITY_KINDS.people.path;
  const refused = async (c: AdminContext, person: Person, message: string) =>
    renderAdmin(
      c,
      <PersonForm
        ctx={await adminPageContext(app, c)}
        path={path}
        id={person.id}
        values={valuesOf(person)}
        errors={{ photo: message }}
        organizations={await app.repos.organizations.list()}
        photo={(await app.repos.images.photosOf([person.id])).get(person.id) ?? null}
      />,
      422,
    );
  const findPerson = async (c: AdminContext) => {
    const id = idOf(param(c, 'id'));
    return id === null ? undefined : app.repos.people.findById(id);
  };
  return [
    {
      method: 'POST',
      path: `${path}/:id/photo`,
      action: 'entities.edit',
      handler: async (c) => {
        const person = await findPerson(c);
        if (!person) return c.text('No such person', 404);
        const body = await c.req.parseBody();
        const file = body.file;
        if (!(file instanceof File) || file.size === 0) return refused(c, person, 'Choose a photo');
        if (!text(body, 'credit')?.trim()) return refused(c, person, 'A photo needs its credit');
        const before = (await app.repos.images.photosOf([person.id])).get(person.id);
        try {
          await addImage(
            app,
            {
              owner: { personId: person.id },
              source: (async function* () {
                yield new Uint8Array(await file.arrayBuffer());
              })(),
              maxBytes: MAX_PHOTO_BYTES,
              words: {
                alt: text(body, 'alt'),
                altKo: text(body, 'altKo'),
                credit: text(body, 'credit'),
              },
            },
            actorOf(c),
          );
        } catch (error) {
          if (error instanceof ValidationError) return refused(c, person, error.message);
          throw error;
        }
        if (before) await removeImage(app, before, actorOf(c));
        return c.redirect(`${path}/${person.id}?saved=1`, 303);
      },
    },
    {
      method: 'POST',
      path: `${path}/:id/photo/remove`,
      action: 'entities.edit',
      handler: async (c) => {
        const person = await findPerson(c);
        if (!person) return c.text('No such person', 404);
        const photo = (await app.repos.images.photosOf([person.id])).get(person.id);
        if (photo) await removeImage(app, photo, actorOf(c));
        return c.redirect(`${path}/${person.id}?saved=1`, 303);
      },
    },
  ];
}
