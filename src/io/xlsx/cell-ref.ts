import type { MergeRange } from '../../core/types.js';

// A1 references by hand-written loops: these run once per cell, a regex each time would cost.

/** 0-based column of the letters at the start of `ref` ("C7" → 2), or -1 when there are none. */
export function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  return col - 1;
}

/** 1-based row of the digits in `ref` ("C7" → 7), or -1. */
export function rowOfRef(ref: string): number {
  let row = 0;
  let seen = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) (row = row * 10 + (c - 48)), (seen = true);
    else if (seen) break;
  }
  return seen ? row : -1;
}

/** "B2:D3" (or a single "B2") → 1-based inclusive range, null when malformed. */
export function parseRange(ref: string): MergeRange | null {
  const colon = ref.indexOf(':');
  const a = (colon < 0 ? ref : ref.slice(0, colon)).trim();
  const b = (colon < 0 ? ref : ref.slice(colon + 1)).trim();
  const left = columnOfRef(a) + 1;
  const top = rowOfRef(a);
  const right = columnOfRef(b) + 1;
  const bottom = rowOfRef(b);
  if (left < 1 || top < 1 || right < 1 || bottom < 1) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}
