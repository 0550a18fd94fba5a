import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listBundledFolder, readBundledText } from '../core/bundled-files.js';
import type { Lang } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import type { Segment } from './locate.js';

/** A rule set's text before parsing, and where each of its lines came from. */
export interface RuleSource {
  text: string;
  /** As the user named it: the file path given, or `bundled:<id>`. */
  origin: string;
  segments: Segment[];
  sha256: string;
}

/** A rule set's origin as a person reads it: `bundled:<id>` in words (内置规则集 <id>); a path as it is. JSON keeps the token. */
export function originText(origin: string, lang: Lang): string {
  if (!origin.startsWith('bundled:')) return origin;
  const id = origin.slice('bundled:'.length);
  return lang === 'zh' ? `内置规则集 ${id}` : `bundled rule set ${id}`;
}

/** A rule set is ~70 KiB of YAML; anything far larger is the wrong file (a roster, a dump). */
export const RULE_SET_MAX_BYTES = 4 * 1024 * 1024;

const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Ids of the rule sets shipped in rules/ (`<id>.yaml`). */
export function bundledRuleSetIds(): string[] {
  return listBundledFolder('rules/')
    .filter((f) => /^[a-z0-9-]+\.yaml$/.test(f))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** The directory of the bundled rule sets (and of rule-set.schema.json). */
export function bundledRulesDir(): string {
  return rulesDir;
}

/**
 * A rule set named on the command line: a file when something exists at that path, else a bundled
 * id (`zj-2023-zhenggao` or `bundled:zj-2023-zhenggao`). Every command reads its `--rules` here.
 */
export function readRuleSource(ref: string): RuleSource {
  const bundled = ref.startsWith('bundled:');
  const id = bundled ? ref.slice('bundled:'.length) : ref;
  if (!bundled && statOf(ref)) return fileSource(ref);
  if (bundledRuleSetIds().includes(id)) return bundledSource(id);
  if (bundled || !/[./\\]/.test(ref)) {
    throw new UserError('rules-unknown', {
      zh: `没有名为 "${id}" 的内置规则集，也没有这个文件。内置规则集：${bundledRuleSetIds().join('、')}`,
      en: `No bundled rule set or file named "${id}". Bundled: ${bundledRuleSetIds().join(', ')}`,
    });
  }
  return fileSource(ref);
}

/** A user's rule-set file: a regular file of sane size, UTF-8, byte-order mark dropped. */
export function fileSource(file: string): RuleSource {
  const text = readRuleSetFileText(file);
  return { text, origin: file, segments: [{ file, startLine: 1, fileLine: 1 }], sha256: sha256(text) };
}

/** The bundled rule set's text exactly as the loader reads it. */
export function bundledSource(id: string): RuleSource {
  const text = withoutBom(readBundledText(`rules/${id}.yaml`));
  return { text, origin: `bundled:${id}`, segments: [{ file: `rules/${id}.yaml`, startLine: 1, fileLine: 1 }], sha256: sha256(text) };
}

/** A rule-set file's text; a missing, non-regular, oversized or unreadable file is a UserError naming it. */
export function readRuleSetFileText(file: string): string {
  const st = statOf(file);
  if (st && !st.isFile()) {
    throw new UserError('rules-not-file', {
      zh: `规则集 "${file}" 不是文件（是文件夹或设备）。请给出 .yaml 或 .json 文件的路径。`,
      en: `Rule set "${file}" is not a file (a folder or device). Give the path of a .yaml or .json file.`,
    });
  }
  if (st && st.size > RULE_SET_MAX_BYTES) {
    throw new UserError('rules-too-big', {
      zh: `规则集文件 "${file}" 过大（${st.size} 字节，上限 ${RULE_SET_MAX_BYTES} 字节），不像规则集。请检查路径。`,
      en: `Rule set file "${file}" is too big (${st.size} bytes, limit ${RULE_SET_MAX_BYTES}) to be a rule set. Check the path.`,
    });
  }
  try {
    return withoutBom(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError('rules-missing', {
      zh: `无法读取规则集文件 "${file}"（${code}）。请检查路径。`,
      en: `Cannot read rule set file "${file}" (${code}). Check the path.`,
    });
  }
}

/** Segments for text handed to the validator: the bundled set's parts are found again by origin. */
export function segmentsFor(text: string, origin: string): Segment[] {
  if (origin.startsWith('bundled:')) {
    try {
      const src = bundledSource(origin.slice('bundled:'.length));
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

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
