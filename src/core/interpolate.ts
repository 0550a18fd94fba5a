// Fills `{name}` placeholders from data; unknown placeholders stay visible so a typo shows in tests.
export type TemplateData = Record<string, string | number | undefined>;

export function interpolate(template: string, data: TemplateData): string {
  return fillTemplate(template, (key) => data[key]);
}

/** As interpolate, each placeholder's value asked of `lookup` (no data object to build per call). */
export function fillTemplate(template: string, lookup: (key: string) => string | number | undefined): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const v = lookup(key);
    out += (v === undefined ? `{${key}}` : String(v)) + parts[i + 1]!;
  }
  return out;
}

// A rule set has a few hundred message templates, each filled for thousands of findings: split each
// once into [text, key, text, key, …, text] instead of running a regex replace per finding.
const split = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = split.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (split.size >= 4096) split.clear(); // templates come from rule sets, but stay bounded
    split.set(template, parts);
  }
  return parts;
}
