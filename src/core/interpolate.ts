// Fills `{name}` placeholders from data; unknown placeholders stay visible so a typo shows in tests.
export type TemplateData = Record<string, string | number | undefined>;

export function interpolate(template: string, data: TemplateData): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    return v === undefined ? whole : String(v);
  });
}
