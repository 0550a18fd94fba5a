import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { loadRuleSet } from '../ruleset/load.js';
import { buildTemplate, DATA_ROWS, defaultTemplateName, INSTRUCTIONS_SHEET, ROSTER_SHEET } from '../template/build-template.js';
import { EXIT_OK } from './exit-codes.js';
import type { Output } from './output.js';
import { commandName } from '../core/command-name.js';

const TemplateOptionsSchema = z.object({
  out: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});

/** `roster-screen template [--out FILE] [--rules FILE] [--lang en]`: writes the blank roster template. */
export async function runTemplate(raw: Record<string, unknown>, io: Output): Promise<number> {
  const parsed = TemplateOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UserError('bad-option', { zh: `选项无效：${parsed.error.issues[0]?.message ?? ''}`, en: `Invalid option: ${parsed.error.issues[0]?.message ?? ''}` });
  }
  const opts = parsed.data;
  const { ruleSet } = await loadRuleSet(opts.rules);
  const target = await resolveTarget(opts.out, defaultTemplateName(ruleSet));
  const built = await buildTemplate(ruleSet, { lang: opts.lang });
  await writeFileAtomic(target, built.buffer, '--out');

  const names = built.dropdowns.map((d) => d.name[opts.lang]);
  io.out(message(opts.lang, { target, columns: built.columns.length, lastRow: built.lastRow, names, deadlines: ruleSet.round.deadlines, ...(opts.rules ? { rules: opts.rules } : {}) }));
  return EXIT_OK;
}

/** The output path: --out, a folder given as --out, or the default name; never an existing file. */
async function resolveTarget(out: string | undefined, defaultName: string): Promise<string> {
  let target = out ?? defaultName;
  const existing = await statOf(target);
  if (existing?.isDirectory()) target = path.join(target, defaultName);
  if (!/\.xlsx$/i.test(target)) {
    throw new UserError('template-extension', {
      zh: `模板只能保存为 .xlsx 文件："${target}"。请用 --out 指定以 .xlsx 结尾的文件名。`,
      en: `The template can only be saved as an .xlsx file: "${target}". Give --out a file name ending in .xlsx.`,
    });
  }
  if (await statOf(target)) {
    throw new UserError('template-exists', {
      zh: `文件 "${target}" 已存在，未覆盖（其中可能已填写了申报人员）。请用 --out 指定另一个文件名，或先将原文件改名。`,
      en: `"${target}" already exists and was not overwritten (it may already hold applicants). Choose another name with --out, or rename the existing file first.`,
    });
  }
  const dir = path.dirname(path.resolve(target));
  const dirStat = await statOf(dir);
  if (!dirStat?.isDirectory()) {
    throw new UserError('template-dir', {
      zh: `目录 "${path.dirname(target)}" 不存在，无法写入模板。请先创建该目录，或用 --out 指定其他位置。`,
      en: `The folder "${path.dirname(target)}" does not exist, so the template cannot be written there. Create it first or choose another place with --out.`,
    });
  }
  return target;
}

async function statOf(p: string) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

interface MessageData {
  target: string;
  columns: number;
  lastRow: number;
  names: string[];
  deadlines: { label: { zh: string; en: string }; date: string }[];
  /** The --rules file the template was made from: the roster is screened with it too. */
  rules?: string;
}

function message(lang: Lang, d: MessageData): string {
  const q = (s: string) => (/\s/.test(s) ? `"${s}"` : s);
  const quoted = d.rules === undefined ? q(d.target) : `--rules ${q(d.rules)} ${q(d.target)}`;
  if (lang === 'en') {
    return [
      `Roster template written: ${d.target}`,
      `  sheet "${ROSTER_SHEET}": ${d.columns} columns; rows 2–${d.lastRow} (${DATA_ROWS} applicants) have formats and dropdowns (${d.names.join(', ')})`,
      `  sheet "${INSTRUCTIONS_SHEET}": what each column means, accepted values, examples, deadlines`,
      `  deadlines: ${d.deadlines.map((x) => `${x.label.en} ${x.date}`).join('; ')}`,
      `Fill it in, then pre-screen it: ${commandName()} ${quoted}`,
      '',
    ].join('\n');
  }
  return [
    `已生成花名册模板：${d.target}`,
    `  工作表"${ROSTER_SHEET}"：${d.columns}列；第2–${d.lastRow}行（${DATA_ROWS}人）已设格式和下拉选项（${d.names.join('、')}）`,
    `  工作表"${INSTRUCTIONS_SHEET}"：各列含义、填写格式、示例和截止时间`,
    `  截止时间：${d.deadlines.map((x) => `${x.label.zh} ${x.date}`).join('；')}`,
    `填写后预审：${commandName()} ${quoted}`,
    '',
  ].join('\n');
}
