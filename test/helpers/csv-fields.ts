// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks; lines end
// with CRLF or LF), for tests that read back a CSV someone else wrote (ours, LibreOffice's).
export function csvFields(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
      if (c === '\r') i++;
    } else f += c;
  }
  if (f !== '' || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}
