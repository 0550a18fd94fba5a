// Decides what a file is from its first bytes, never from its extension: users rename .xls,
// HTML exports and CSVs to .xlsx all the time, and each deserves its own message.

export type Sniffed =
  | 'zip'
  | 'ole2-encrypted'
  | 'ole2'
  | 'html'
  | 'spreadsheetml'
  | 'xml-other'
  | 'empty'
  | 'text'
  | 'binary';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const HEAD = 64 * 1024;

export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  // PK\3\4 is a zip with entries; PK\5\6 an empty one (still "a zip that is not a workbook").
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) {
    return 'zip';
  }
  if (startsWith(bytes, OLE2)) {
    // Password-protected .xlsx files are OLE2 containers holding an EncryptedPackage stream;
    // stream names are UTF-16LE in the directory sectors.
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return buf.indexOf(ENCRYPTED_PACKAGE) >= 0 ? 'ole2-encrypted' : 'ole2';
  }
  const head = bytes.subarray(0, HEAD);
  const utf16 = utf16Bom(head);
  if (utf16 === null && looksBinary(head)) return 'binary';
  const markup = markupKind(headText(head, utf16));
  return markup ?? 'text';
}

/** 'utf-16le' / 'utf-16be' when the bytes start with that BOM. */
export function utf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** NUL bytes, or more than 1% C0 control bytes other than tab/CR/LF/FF/SUB, mean binary. */
function looksBinary(b: Uint8Array): boolean {
  let controls = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x20) {
      if (c === 0) return true;
      if (c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1a) controls++;
    } else if (c === 0x7f) controls++;
  }
  return controls * 100 > b.length;
}

function headText(head: Uint8Array, utf16: 'utf-16le' | 'utf-16be' | null): string {
  // The markers we look for are ASCII, so latin1 is enough for any ASCII-compatible encoding.
  return new TextDecoder(utf16 ?? 'latin1').decode(head.subarray(0, 4096));
}

/** HTML or XML instead of a spreadsheet (web platforms save both as ".xls"); null when the text is not markup. */
function markupKind(text: string): 'html' | 'spreadsheetml' | 'xml-other' | null {
  const t = text.replace(/^(\uFEFF|ï»¿)/, '').trimStart().toLowerCase();
  if (!t.startsWith('<')) return null;
  // SpreadsheetML 2003: <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">, often after
  // <?mso-application progid="Excel.Sheet"?>.
  if ((t.startsWith('<?xml') || t.startsWith('<workbook')) && (t.includes('urn:schemas-microsoft-com:office:spreadsheet') || t.includes('progid="excel.sheet"'))) {
    return t.includes('<html') ? 'html' : 'spreadsheetml';
  }
  if (t.startsWith('<?xml')) return t.includes('<html') ? 'html' : 'xml-other';
  if (/^<(html|!doctype html|table|head|body|meta|style|tr|!--)/.test(t) || t.includes('<html') || t.includes('<table')) return 'html';
  return null; // a CSV whose first field happens to start with "<"
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}
