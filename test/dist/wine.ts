// Wine for the Windows executable's test: a fresh prefix set to Windows 10 (Node 20 refuses older
// versions), no Mono/Gecko install prompts, no window, no debug output, a UTF-8 locale (Wine turns
// the arguments into UTF-16 by it). The program's stdout and stderr go to files: Node under Wine
// cannot open the pipes spawnSync would give it (EBADF).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../helpers/temp-dir.js';

export const HAS_WINE = spawnSync('sh', ['-c', 'command -v wine'], { encoding: 'utf8' }).status === 0;

export interface Wine {
  run(args: string[]): { status: number | null; stdout: string; stderr: string };
  stop(): void;
}

export function startWine(): Wine {
  const dir = makeTempDir('rs-wine-');
  const env = { ...process.env, WINEPREFIX: path.join(dir, 'prefix'), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', DISPLAY: '', LANG: 'C.UTF-8' };
  const run = (args: string[]) => {
    const [out, err] = [path.join(dir, 'stdout'), path.join(dir, 'stderr')];
    const fds = [openSync(out, 'w'), openSync(err, 'w')] as const;
    const r = spawnSync('wine', args, { env, stdio: ['ignore', ...fds], timeout: 300_000 });
    fds.forEach((fd) => closeSync(fd));
    return { status: r.status, stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8') };
  };
  const setup = run(['winecfg', '/v', 'win10']);
  if (setup.status !== 0) throw new Error(`winecfg /v win10 failed (${setup.status}): ${setup.stderr}`);
  return { run, stop: () => void spawnSync('wineserver', ['-k'], { env }) };
}

/** A Linux path as Wine's Windows programs see it (drive Z: is /). */
export function winPath(p: string): string {
  return `Z:${p.replaceAll('/', '\\')}`;
}
