// Limits that keep a hostile or broken zip ("zip bomb") from exhausting memory or time.
// They are enforced on the declared sizes up front AND on the bytes actually inflated,
// because a header can lie.

export interface ZipLimits {
  /** Max uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Max sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Ratio uncompressed/compressed above which an entry is refused… */
  maxRatio: number;
  /** …once its output is larger than this (small entries legitimately compress very well). */
  ratioFloorBytes: number;
}

const GiB = 1024 * 1024 * 1024;

// A 1 000 000-row sheet of 25 inline-string columns is ~1.5 GB of XML, so the absolute limits
// sit above that; the ratio test is what stops a bomb early (a real sheet deflates 5–30:1).
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 2 * GiB,
  maxTotalBytes: 3 * GiB,
  maxRatio: 200,
  ratioFloorBytes: 10 * 1024 * 1024,
};

/** Returns a description of the violated limit, or null when `outBytes` of output is acceptable. */
export function checkEntrySize(limits: ZipLimits, outBytes: number, compressedBytes: number): string | null {
  if (outBytes > limits.maxEntryBytes) {
    return `entry expands beyond ${formatBytes(limits.maxEntryBytes)}`;
  }
  if (outBytes > limits.ratioFloorBytes && outBytes > limits.maxRatio * Math.max(compressedBytes, 1)) {
    return `compression ratio above ${limits.maxRatio}:1`;
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n >= GiB) return `${(n / GiB).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${n} B`;
}
