import { z } from 'zod';

/** What a param means, in the words an office uses; `yearly` marks what a new notice changes. */
export interface ParamDoc {
  zh: string;
  en: string;
  yearly?: boolean;
}

// The docs live on the schemas themselves (a registry, like zod's own `.meta()`), so `rules init`,
// the JSON Schema generator and docs read them from the kind's params, not from a table of names.
const paramDocs = z.registry<ParamDoc>();

/** The schema with its meaning attached (a copy: shared fragments like TermsSchema get one each). */
export function doc<S extends z.ZodType>(schema: S, meaning: ParamDoc): S {
  const copy = schema.clone();
  paramDocs.add(copy, meaning);
  return copy;
}

export function docOf(schema: z.ZodType): ParamDoc | undefined {
  return paramDocs.get(schema);
}

/** The meaning of a top-level param of a kind's params schema. */
export function paramDocOf(params: z.ZodType, param: string): ParamDoc | undefined {
  const shape = (params as unknown as { shape?: Record<string, z.ZodType> }).shape;
  const schema = shape?.[param];
  return schema === undefined ? undefined : docOf(schema);
}

/** For z.toJSONSchema's `override`: a documented schema gets its description, `zh / en`. */
export function describeFromDoc(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const d = paramDocs.get(ctx.zodSchema as z.ZodType);
  if (d && !ctx.jsonSchema['description']) ctx.jsonSchema['description'] = `${d.zh} / ${d.en}`;
}
