/**
 * Hands text made in many small pieces on in ~64 KiB batches: few system calls, and never a whole
 * report (100 MB at 100 000 applicants) in one string. Call `end` to hand on the rest.
 */
export function textBatches(flush: (text: string) => void): { write: (chunk: string) => void; end: () => void } {
  let buffer = '';
  return {
    write: (chunk) => {
      buffer += chunk;
      if (buffer.length > 65_536) {
        flush(buffer);
        buffer = '';
      }
    },
    end: () => {
      flush(buffer);
      buffer = '';
    },
  };
}
