import path from 'node:path';
import { UserError } from '../core/user-error.js';

// Every refusal of an input file goes through here, so codes and wording stay consistent:
// what happened, which file, what to do — in both languages.

const SAVE_AS_ZH = '请用 Excel 或 WPS 打开后"另存为" .xlsx 格式再重试。';
const SAVE_AS_EN = 'Open it in Excel or WPS, "Save As" .xlsx, and try again.';

export function fileMissing(file: string): UserError {
  return new UserError('file-missing', {
    zh: `找不到文件 "${file}"。请检查路径和文件名是否正确。`,
    en: `File "${file}" does not exist. Check the path and the file name.`,
  });
}

export function fileNotFile(file: string): UserError {
  return new UserError('file-not-file', {
    zh: `"${file}" 是文件夹或不是普通文件，无法作为花名册读取。请指定具体的 .xlsx 或 .csv 文件。`,
    en: `"${file}" is a directory or not a regular file. Give the path of an .xlsx or .csv file.`,
  });
}

export function fileUnreadable(file: string, reason: string, cause?: unknown): UserError {
  return new UserError(
    'file-unreadable',
    {
      zh: `无法读取文件 "${file}"（${reason}）。请确认有读取权限、文件未被其他程序占用，然后重试。`,
      en: `Cannot read file "${file}" (${reason}). Check that you may read it and that no other program locks it, then try again.`,
    },
    { cause },
  );
}

export function fileEmpty(file: string): UserError {
  return new UserError('file-empty', {
    zh: `文件 "${file}" 是空的（0 字节）。请确认选对了文件，或重新导出花名册。`,
    en: `File "${file}" is empty (0 bytes). Check that this is the right file, or export the roster again.`,
  });
}

export function fileXlsb(file: string): UserError {
  return new UserError('file-xlsb', {
    zh: `文件 "${file}" 是 Excel 二进制工作簿（.xlsb）格式，无法正确读取。请在 Excel 中打开，点"文件 → 另存为"，保存类型选"Excel 工作簿(*.xlsx)"；或在 WPS 中"文件 → 另存为"选"Microsoft Excel 文件(*.xlsx)"，再重试。`,
    en: `File "${file}" is an Excel binary workbook (.xlsb) and could not be read correctly. In Excel, choose File → Save As with type "Excel Workbook (*.xlsx)"; in WPS, File → Save As "Microsoft Excel 文件(*.xlsx)"; then try again.`,
  });
}

export function fileEt(file: string): UserError {
  return new UserError('file-et', {
    zh: `文件 "${file}" 是 WPS 表格（.et）格式，无法正确读取。请在 WPS 中打开，点"文件 → 另存为"，文件类型选"Microsoft Excel 文件(*.xlsx)"，再重试。`,
    en: `File "${file}" is a WPS Spreadsheets (.et) file and could not be read correctly. Open it in WPS, choose File → Save As with type "Microsoft Excel 文件(*.xlsx)", and try again.`,
  });
}

/** A legacy or foreign format (.xls, web-page or XML "Excel", .ods) that the reader failed on. */
export function fileLegacyFailed(file: string, format: { zh: string; en: string }, cause?: unknown): UserError {
  return new UserError(
    'file-legacy-failed',
    {
      zh: `文件 "${file}" 是${format.zh}格式，但内容已损坏或无法识别，无法读取。${SAVE_AS_ZH}`,
      en: `File "${file}" is in ${format.en} format but is damaged or not understood, so it cannot be read. ${SAVE_AS_EN}`,
    },
    { cause },
  );
}

export function folderUnreadable(dir: string, reason: string, cause?: unknown): UserError {
  return new UserError(
    'folder-unreadable',
    {
      zh: `无法读取文件夹 "${dir}"（${reason}），其中的花名册未审核。请确认有读取权限后重试，或把花名册复制到可读取的文件夹。`,
      en: `Cannot read folder "${dir}" (${reason}); the rosters in it were not screened. Check that you may read it and try again, or copy the rosters to a folder you can read.`,
    },
    { cause },
  );
}

export function linkLoop(link: string): UserError {
  return new UserError('link-loop', {
    zh: `链接 "${link}" 指向它所在的上级文件夹（循环链接），已跳过，未重复审核。`,
    en: `Link "${link}" points to a folder that contains it (a loop); skipped, not screened twice.`,
  });
}

export function fileEncrypted(file: string): UserError {
  return new UserError('file-encrypted', {
    zh: `文件 "${file}" 设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中输入密码打开，清除文件密码后另存为 .xlsx 再重试。`,
    en: `File "${file}" is password-protected (encrypted) and cannot be read. Open it in Excel or WPS with the password, remove the file password, save as .xlsx and try again.`,
  });
}

export function fileDocx(file: string, hint: 'word' | 'powerpoint' | 'other'): UserError {
  const what =
    hint === 'word'
      ? { zh: '（看起来是 Word 文档改了扩展名）', en: ' (it looks like a Word document with a changed extension)' }
      : hint === 'powerpoint'
        ? { zh: '（看起来是 PowerPoint 演示文稿改了扩展名）', en: ' (it looks like a PowerPoint file with a changed extension)' }
        : { zh: '', en: '' };
  return new UserError('file-docx', {
    zh: `文件 "${file}" 是压缩包格式，但不是 Excel 工作簿${what.zh}，无法读取。请确认选对了文件：花名册应为 .xlsx 或 .csv。`,
    en: `File "${file}" is a zip package but not an Excel workbook${what.en}, so it cannot be read. Check that this is the right file: the roster must be .xlsx or .csv.`,
  });
}

export function fileCorrupt(file: string, detail: string, cause?: unknown): UserError {
  return new UserError(
    'file-corrupt',
    {
      // The detail is the package layer's English (`zip end-of-directory record not found …`): kept for
      // --lang en; the Chinese text, which goes into 退回清单 back to the employer, keeps only the
      // parts it names (xl/worksheets/sheet1.xml), which a technician can look for.
      zh: `文件 "${file}" 已损坏或不完整${partsNamed(detail)}，无法读取。请重新下载或重新导出；如果 Excel 或 WPS 还能打开它，请"另存为"新的 .xlsx 再重试。`,
      en: `File "${file}" is damaged or incomplete (${detail}) and cannot be read. Download or export it again; if Excel or WPS can still open it, "Save As" a new .xlsx and try again.`,
    },
    { cause },
  );
}

/** `（部件 xl/worksheets/sheet1.xml）` for the package parts a detail names; '' when it names none. */
function partsNamed(detail: string): string {
  const parts = [...new Set(detail.match(/[\w.-]+(?:\/[\w.-]+)*\.(?:xml|rels|vml|bin)\b/g) ?? [])];
  return parts.length ? `（部件 ${parts.join('、')}）` : '';
}

export function fileUnknown(file: string): UserError {
  // Excel and WPS leave `~$花名册.xlsx` beside a workbook while it is open: given by hand, name it.
  const base = path.basename(file);
  if (base.startsWith('~$')) {
    const original = path.join(path.dirname(file), base.slice(2));
    return new UserError('file-unknown', {
      zh: `文件 "${file}" 是 Excel 或 WPS 打开工作簿时生成的临时锁定文件，不是花名册。请审核原文件 "${original}"（若正在编辑，先保存并关闭）。`,
      en: `"${file}" is the lock file Excel or WPS keeps while a workbook is open, not a roster. Screen the workbook itself, "${original}" (save and close it first if it is being edited).`,
    });
  }
  return new UserError('file-unknown', {
    zh: `无法识别文件 "${file}" 的格式。请提供 Excel 工作簿（.xlsx）或 CSV 文本文件。`,
    en: `The format of file "${file}" is not recognised. Give an Excel workbook (.xlsx) or a CSV text file.`,
  });
}

export function fileTooLarge(file: string, detail: string): UserError {
  return new UserError('file-too-large', {
    zh: `文件 "${file}" 过大或解压后大小异常（${detail}），为安全起见拒绝读取。请确认文件来源；如确为花名册，请删除无关的工作表和内容后另存为 .xlsx 再重试。`,
    en: `File "${file}" is too large or expands abnormally when decompressed (${detail}); it is refused for safety. Check where it came from; if it really is a roster, delete unrelated sheets and content, save as .xlsx and try again.`,
  });
}

export function fileNoSheets(file: string): UserError {
  return new UserError('file-no-sheets', {
    zh: `文件 "${file}" 中没有任何工作表。请确认选对了文件。`,
    en: `File "${file}" contains no worksheets. Check that this is the right file.`,
  });
}
