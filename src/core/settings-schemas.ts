import { z } from 'zod';
import { sitePathProblem } from './site-path.ts';

/**
 * The two settings admins edit in the back office: the site's identity and the sign-in policy.
 * Stored as JSON under the keys 'site' and 'security'.
 */
const text = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .transform((s) => s.normalize('NFC').trim());
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const navigationLinkInput = z.object({
  label: text(100).refine((s) => s.length > 0, { message: 'Required' }),
  labelKo: optionalText(100),
  path: z
    .string()
    .max(500)
    .superRefine((path, ctx) => {
      const problem = sitePathProblem(path);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: `${problem}; use a path on this site, like /reports/`,
        });
    }),
});

export const siteSettingsInput = z.object({
  name: text(200).refine((s) => s.length > 0, { message: 'Required' }),
  nameKo: optionalText(200),
  tagline: optionalText(300),
  taglineKo: optionalText(300),
  footer: optionalText(2000),
  footerKo: optionalText(2000),
  /** Null: the menu follows the sections that list public work, then the static pages. */
  navigation: z.array(navigationLinkInput).max(30).nullable(),
});
export type SiteSettingsInput = z.input<typeof siteSettingsInput>;
export type SiteSettingsData = z.output<typeof siteSettingsInput>;

export const securitySettingsInput = z
  .object({
    idleTimeoutMinutes: z
      .number({ message: 'A whole number of minutes' })
      .int('A whole number of minutes')
      .min(5, 'At least 5 minutes')
      .max(24 * 60, 'At most a day (1440 minutes)'),
    absoluteTimeoutHours: z
      .number({ message: 'A whole number of hours' })
      .int('A whole number of hours')
      .min(1, 'At least an hour')
      .max(24 * 30, 'At most 30 days (720 hours)'),
    /** When true, staff may sign in only with a passkey. */
    requirePasskeys: z.boolean(),
  })
  .refine((s) => s.idleTimeoutMinutes <= s.absoluteTimeoutHours * 60, {
    message: 'The idle limit cannot be longer than the session itself',
    path: ['idleTimeoutMinutes'],
  });
export type SecuritySettingsInput = z.input<typeof securitySettingsInput>;
