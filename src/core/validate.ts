import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/** Parses with a zod schema, turning its issues into a domain ValidationError. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const first = issues[0];
  throw new ValidationError(
    first ? `${first.path || 'input'}: ${first.message}` : 'The input is not valid',
    issues,
  );
}
