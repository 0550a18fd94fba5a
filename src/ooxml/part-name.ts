// Part names as the package layer uses them: forward slashes, no leading slash. Some writers
// store zip entry names (and relationship targets) with Windows backslashes.

/** `\xl\worksheets\sheet1.xml` or `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** Part names compare case-insensitively (OPC). */
export function partKey(name: string): string {
  return normalisePartName(name).toLowerCase();
}

/** The folder of a part, with its trailing slash ('' at the root). */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}
