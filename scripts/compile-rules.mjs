// Build step: the bundled rule sets as JSON beside the compiled code (dist/rule-sets/<id>.json), so
// a run need not parse ~1 000 lines of YAML at start-up (~300 ms cold). Each carries the sha256 of
// its YAML source; the loader uses it only while it matches, so the YAML stays the one truth.
// The build validates each with the rule-set schema (dist/rules/schema.js, compiled just before)
// and stores zod's output marked `validated`, which a run then uses as is (~20 ms of start-up). A
// set that does not validate is stored as read, and a run validates it with pointed errors.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RuleSetSchema } from '../dist/rules/schema.js';

const root = new URL('../', import.meta.url);
const out = new URL('dist/rule-sets/', root);
mkdirSync(out, { recursive: true });
for (const file of readdirSync(new URL('rules/', root)).filter((f) => /^[a-z0-9-]+\.yaml$/.test(f))) {
  const text = readFileSync(new URL(`rules/${file}`, root), 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  const data = parse(text, { merge: true, maxAliasCount: 1000 });
  const parsed = RuleSetSchema.safeParse(data);
  const compiled = parsed.success ? { sha256, validated: true, data: parsed.data } : { sha256, data };
  writeFileSync(new URL(file.replace(/\.yaml$/, '.json'), out), JSON.stringify(compiled));
}
