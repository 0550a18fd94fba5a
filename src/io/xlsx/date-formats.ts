// Which number formats make a number a calendar date. Neither exceljs reader knows the
// Chinese built-ins (27–36, 50–58), so rosters typed as 2019年6月 came out as plain numbers.

export type FormatKind = 'date' | 'time' | 'other';

// Built-in ids that have no formatCode in styles.xml; the CJK ones follow the zh-CN meaning
// (27 = yyyy"年"m"月", 31 = yyyy"年"m"月"d"日", 32 = h"时"mm"分", …).
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
// Time-of-day and elapsed-time built-ins ([h]:mm:ss is 46): a duration is not a calendar date.
const BUILTIN_TIME = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

export function classifyBuiltin(id: number): FormatKind {
  return BUILTIN_DATE.has(id) ? 'date' : BUILTIN_TIME.has(id) ? 'time' : 'other';
}

/** A number format id is a date format when its code (custom, else built-in) shows y/m/d/e. */
export function isDateFormat(numFmtId: number, custom: ReadonlyMap<number, string>): boolean {
  const code = custom.get(numFmtId);
  return (code !== undefined ? classifyFormatCode(code) : classifyBuiltin(numFmtId)) === 'date';
}

const enum Tok {
  Date,
  Hour,
  Minute, // an m we could not tell from month yet
  Second,
}

/**
 * Classifies a format code. Quoted text, `\x` escapes, `_x` / `*x` padding, `[Red]` /
 * `[$-804]` / `[DBNum1]` brackets and `General` are skipped; `[h]` `[mm]` `[ss]` are elapsed time.
 * `m` is minutes right after an h or right before an s, else month.
 */
export function classifyFormatCode(code: string): FormatKind {
  const toks: Tok[] = [];
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const ch = code[i]!;
    switch (ch) {
      case '"': {
        const close = code.indexOf('"', i + 1);
        i = close < 0 ? n : close;
        break;
      }
      case '\\':
      case '_':
      case '*':
        i++;
        break;
      case '[': {
        const close = code.indexOf(']', i + 1);
        const inner = code.slice(i + 1, close < 0 ? n : close).toLowerCase();
        if (/^(h+|m+|s+)$/.test(inner)) toks.push(inner[0] === 'h' ? Tok.Hour : inner[0] === 'm' ? Tok.Minute : Tok.Second);
        i = close < 0 ? n : close;
        break;
      }
      default: {
        const c = ch.toLowerCase();
        if (c === 'g' && code.slice(i, i + 7).toLowerCase() === 'general') {
          i += 6;
        } else if (c === 'a' && code.slice(i, i + 5).toLowerCase() === 'am/pm') {
          toks.push(Tok.Hour);
          i += 4;
        } else if (c === 'a' && code.slice(i, i + 3).toLowerCase() === 'a/p') {
          toks.push(Tok.Hour);
          i += 2;
        } else if (c === 'e') {
          // 0.00E+00 is scientific notation; a bare e is the (era) year in zh/ja locales.
          const next = code[i + 1];
          if (next === '+' || next === '-') i++;
          else toks.push(Tok.Date);
        } else if (c === 'y' || c === 'd' || c === 'g') {
          toks.push(Tok.Date);
        } else if (c === 'h') {
          toks.push(Tok.Hour);
        } else if (c === 's') {
          toks.push(Tok.Second);
        } else if (c === 'm') {
          toks.push(Tok.Minute);
        }
        // Runs like "yyyy" push one token per letter; that is harmless for classifying.
        while (i + 1 < n && code[i + 1]!.toLowerCase() === c && (c === 'y' || c === 'd' || c === 'm' || c === 'h' || c === 's')) i++;
      }
    }
  }
  let date = false;
  let time = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t === Tok.Date) date = true;
    else if (t === Tok.Hour || t === Tok.Second) time = true;
    else if (toks[k - 1] === Tok.Hour || toks[k + 1] === Tok.Second) time = true;
    else date = true; // a month
  }
  return date ? 'date' : time ? 'time' : 'other';
}
