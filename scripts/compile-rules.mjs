// Build step: the bundled rule sets as JSON beside the compiled code (dist/rule-sets/<id>.json), so
// a run need not parse ~1 000 lines of YAML at start-up (~300 ms cold). Each carries the sha256 of
// its YAML source; the loader uses it only while it matches, so the YAML stays the one truth.
// The build runs every validation stage on each (dist/ruleset/validate.js, compiled just before):
// a set without blocking errors is stored as zod's output marked `validated`, which a run uses as
// is (~20 ms of start-up); any other is left out of use, and a run reads the YAML with pointed errors.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { validateRuleSetText } from '../dist/ruleset/validate.js';

const root = new URL('../', import.meta.url);
const out = new URL('dist/rule-sets/', root);
mkdirSync(out, { recursive: true });
for (const file of readdirSync(new URL('rules/', root)).filter((f) => /^[a-z0-9-]+\.yaml$/.test(f))) {
  const text = readFileSync(new URL(`rules/${file}`, root), 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  const v = await validateRuleSetText(text, `bundled:${file.replace(/\.yaml$/, '')}`);
  const compiled = v.ruleSet && v.blocking.length === 0 ? { sha256, validated: true, data: v.ruleSet } : { sha256, validated: false };
  writeFileSync(new URL(file.replace(/\.yaml$/, '.json'), out), JSON.stringify(compiled));
}
