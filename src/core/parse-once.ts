import type { z } from 'zod';

/**
 * Parse context for schemas parsed once per run (options, rule sets, rule params). zod compiles a
 * fast path with `new Function` the first time an object schema parses, which costs more than
 * it saves for a single parse (~25 ms across the rule set's params at start-up).
 */
export const PARSE_ONCE: z.core.ParseContext<z.core.$ZodIssue> = { jitless: true };
