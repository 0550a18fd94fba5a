import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/user-error.js';
import { readRuleSetFileText } from '../rules/load-rule-set.js';
import type { Segment } from './locate.js';

/** A rule set's text before parsing, and where each of its lines came from. */
export interface RuleSource {
  text: string;
  /** As the user named it: the file path given, or `bundled:<id>`. */
  origin: string;
  segments: Segment[];
  sha256: string;
}

const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

// Same listing as bundledRuleSetIds() in load-rule-set.ts (not imported: that module imports this one).
export function bundledIds(): string[] {
  return readdirSync(rulesDir)
    .filter((f) => /^[a-z0-9-]+\.yaml$/.test(f))
    .map((f) => f.replace(/\.yaml$/, ''));
}

/** The directory of the bundled rule sets (and of rule-set.schema.json). */
export function bundledRulesDir(): string {
  return rulesDir;
}

/**
 * A rule set named on the command line: a file when one exists at that path, else a bundled id
 * (`zj-2023-zhenggao` or `bundled:zj-2023-zhenggao`).
 */
export function readRuleSource(ref: string): RuleSource {
  const id = ref.startsWith('bundled:') ? ref.slice('bundled:'.length) : ref;
  if (!ref.startsWith('bundled:') && existsSync(ref) && statSync(ref).isFile()) return fileSource(ref);
  if (bundledIds().includes(id)) return bundledSource(id);
  if (ref.startsWith('bundled:') || !/[./\\]/.test(ref)) {
    throw new UserError('rules-unknown', {
      zh: `没有名为 "${id}" 的内置规则集，也没有这个文件。内置规则集：${bundledIds().join('、')}`,
      en: `No bundled rule set or file named "${id}". Bundled: ${bundledIds().join(', ')}`,
    });
  }
  return fileSource(ref);
}

export function fileSource(file: string): RuleSource {
  let text = readRuleSetFileText(file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, origin: file, segments: [{ file, startLine: 1, fileLine: 1 }], sha256: sha256(text) };
}

/** The bundled rule set's text exactly as loadBundledRuleSet reads it. */
export function bundledSource(id: string): RuleSource {
  const text = readFileSync(`${rulesDir}${id}.yaml`, 'utf8');
  return { text, origin: `bundled:${id}`, segments: [{ file: `rules/${id}.yaml`, startLine: 1, fileLine: 1 }], sha256: sha256(text) };
}

/** Segments for text handed to parseRuleSetText: the bundled set's parts are found again by origin. */
export function segmentsFor(text: string, origin: string): Segment[] {
  if (origin.startsWith('bundled:')) {
    const id = origin.slice('bundled:'.length);
    try {
      const src = bundledSource(id);
      if (src.text === text) return src.segments;
    } catch {
      // fall through: plain mapping
    }
  }
  return [{ file: origin, startLine: 1, fileLine: 1 }];
}


export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
