// How the user starts the tool, for the hints that tell them what to type next ("运行 roster-screen
// --help …"): `roster-screen` when installed with npm; the single-file executable's own name, as it
// was started, when run as that (src/cli/office-mode.ts sets it).
let current = 'roster-screen';

/** The command to write in hints: `roster-screen`, or e.g. `roster-screen-win-x64.exe`. */
export function commandName(): string {
  return current;
}

/**
 * Sets the hints' command from the executable's argv[0], as typed (`roster-screen-win-x64.exe`,
 * `./roster-screen-linux-x64`). On Windows an absolute path (Explorer's double click or drop) becomes
 * the file name, which a console opened in that folder runs. Quoted when it holds a space.
 */
export function setCommandNameFrom(argv0: string, platform: NodeJS.Platform = process.platform): void {
  const name = platform === 'win32' && /^(?:[a-z]:)?[\\/]/i.test(argv0) ? argv0.split(/[\\/]/).at(-1)! : argv0;
  current = /\s/.test(name) ? `"${name}"` : name;
}

/** Back to `roster-screen` (tests). */
export function resetCommandName(): void {
  current = 'roster-screen';
}
