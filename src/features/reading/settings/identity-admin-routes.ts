import type { AppContext } from '../../../core/app-context.ts';
import {
  type AdminContext,
  type AdminRoute,
  actorOf,
  fieldErrors,
  submitForm,
} from '../../accounts/index.ts';
import { addFont, removeFont, saveColours, saveLogo } from './identity.ts';
import type { ColourFormValues } from './identity-section.tsx';

type ShowPage = (
  c: AdminContext,
  colours: ColourFormValues | undefined,
  errors: Record<string, string>,
) => Promise<Response>;

const field = (body: Record<string, unknown>, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : '';
};

async function fileOf(
  body: Record<string, unknown>,
  name: string,
): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const v = body[name];
  if (!(v instanceof File) || v.size === 0) return null;
  return { bytes: new Uint8Array(await v.arrayBuffer()), fileName: v.name };
}

/** The identity's forms: colours, logo, typefaces. Each save is audited as 'settings.update'. */
export function identityRoutesAdmin(app: AppContext, show: ShowPage): AdminRoute[] {
  return [
    {
      method: 'POST',
      path: '/admin/settings/colours',
      action: 'settings.manage',
      handler: async (c) => {
        const body = await c.req.parseBody();
        const values: ColourFormValues = {
          brand: field(body, 'brand'),
          accent: field(body, 'accent'),
          text: field(body, 'text'),
          background: field(body, 'background'),
        };
        return submitForm(
          c,
          async () => {
            await saveColours(app, field(body, 'reset') === '1' ? null : values, actorOf(c));
            return c.redirect('/admin/settings?saved=colours', 303);
          },
          (error) => show(c, values, fieldErrors(error)),
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/settings/logo',
      action: 'settings.manage',
      handler: async (c) => {
        const body = await c.req.parseBody();
        const upload = await fileOf(body, 'logo');
        const remove = field(body, 'remove') === '1';
        if (!upload && !remove) return show(c, undefined, { logo: 'Choose a file' });
        return submitForm(
          c,
          async () => {
            await saveLogo(app, remove ? null : upload, actorOf(c));
            return c.redirect('/admin/settings?saved=logo', 303);
          },
          (error) => show(c, undefined, fieldErrors(error)),
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/settings/fonts',
      action: 'settings.manage',
      handler: async (c) => {
        const body = await c.req.parseBody();
        const upload = await fileOf(body, 'font');
        if (!upload) return show(c, undefined, { font: 'Choose a WOFF2 file' });
        return submitForm(
          c,
          async () => {
            await addFont(
              app,
              {
                bytes: upload.bytes,
                family: field(body, 'family'),
                weight: field(body, 'weight'),
                style: field(body, 'style'),
                use: field(body, 'use'),
              },
              actorOf(c),
            );
            return c.redirect('/admin/settings?saved=fonts', 303);
          },
          (error) => show(c, undefined, fieldErrors(error)),
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/settings/fonts/remove',
      action: 'settings.manage',
      handler: async (c) => {
        const body = await c.req.parseBody();
        await removeFont(app, field(body, 'sha256'), actorOf(c));
        return c.redirect('/admin/settings?saved=fonts', 303);
      },
    },
  ];
}
