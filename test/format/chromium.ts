// Headless Chromium for the HTML report tests: found on PATH or absent (tests then skip, saying so).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function findChromium(): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const p = path.join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Any lookup the page tried would fail instead of reaching the network.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Runs Chromium on a local file with a fresh profile; returns stdout (the DOM for --dump-dom). */
export function runChromium(bin: string, file: string, extra: string[]): { status: number | null; stdout: string; stderr: string } {
  const profile = mkdtempSync(path.join(tmpdir(), 'rs-chromium-'));
  try {
    const r = spawnSync(bin, [...FLAGS, `--user-data-dir=${profile}`, ...extra, `file://${path.resolve(file)}`], {
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
