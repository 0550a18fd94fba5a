import { z } from 'zod';
import { isValidIso, todayIso } from '../normalize/iso-date.js';

// Options after commander: checked and typed in one place, with messages users can act on.

/** The issue a date option that is no date gives; screen-command words it in the user's language. */
export const BAD_DATE = 'bad-date';
export const ScreenOptionsSchema = z.object({
  format: z.enum(['terminal', 'json']).default('terminal'),
  lang: z.enum(['zh', 'en']).default('zh'),
  mask: z.boolean().default(true),
  write: z.boolean().default(true),
  outDir: z.string().optional(),
  html: z.string().optional(),
  /** `--sheet NAME`, repeatable: commander collects the names (one given programmatically is a string). */
  sheet: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : typeof v === 'string' ? [v] : v)),
  asOf: z
    .string()
    .refine(isValidIso, { message: BAD_DATE })
    .default(() => todayIso()),
  failOn: z.enum(['fail', 'review', 'never']).default('fail'),
  strictColumns: z.boolean().default(false),
  rules: z.string().optional(),
  integrity: z.string().optional(),
  exceptions: z.string().optional(),
  includeReview: z.boolean().default(false),
  progress: z.boolean().default(true),
});

export type ScreenOptions = z.output<typeof ScreenOptionsSchema>;
