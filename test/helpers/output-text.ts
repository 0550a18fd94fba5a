/**
 * What a command wrote to one stream, as text: Output.out takes text or UTF-8 bytes (a report file
 * copied as it is), so pieces are kept as bytes and decoded together (a character may span two).
 */
export function outputText(): { write(piece: string | Uint8Array): void; text(): string } {
  const parts: Buffer[] = [];
  return {
    write: (piece) => void parts.push(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece)),
    text: () => Buffer.concat(parts).toString('utf8'),
  };
}
