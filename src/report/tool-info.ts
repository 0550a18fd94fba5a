import { readBundledText } from '../core/bundled-files.js';

let cached: { name: string; version: string } | null = null;

/** Name and version from package.json (read once). */
export function toolInfo(): { name: string; version: string } {
  if (!cached) {
    const pkg = JSON.parse(readBundledText('package.json')) as { name: string; version: string };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
