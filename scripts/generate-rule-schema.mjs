#!/usr/bin/env node
// Regenerates rules/rule-set.schema.json from the zod schema and the check kinds (run after
// `npm run build`). test/ruleset/json-schema.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { ruleSetJsonSchemaText } = await import('../dist/ruleset/json-schema.js');
const target = fileURLToPath(new URL('../rules/rule-set.schema.json', import.meta.url));
writeFileSync(target, await ruleSetJsonSchemaText());
console.log(`wrote ${target}`);
