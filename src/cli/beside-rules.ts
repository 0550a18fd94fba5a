import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Output } from './output.js';

// The office's rule set for the round, kept beside the executable so that a new round needs no new
// build. Every command that takes --rules uses it unless the user gives --rules.
export const RULES_BESIDE_NAME = 'roster-screen.rules.yaml';

/** The arguments with `--rules <file beside the executable>` added where it applies; says so on stderr. */
export function withBesideRules(args: string[], execPath: string, io: Output): string[] {
  const file = path.join(path.dirname(execPath), RULES_BESIDE_NAME);
  if (args.some((a) => a === '--rules' || a.startsWith('--rules=')) || !existsSync(file)) return args;
  const withRules = insertRules(args, file);
  if (withRules === args) return args;
  const en = args.some((a, i) => a === '--lang=en' || (a === '--lang' && args[i + 1] === 'en'));
  io.err(en ? `Rule set: ${file} (beside the executable)\n` : `规则集：使用本程序旁的 ${file}\n`);
  return withRules;
}

// With positional options, the root command's options come before a subcommand and `rules list`
// and `template` take their own; the other `rules` subcommands name their rule files themselves.
function insertRules(args: string[], file: string): string[] {
  const [command, sub] = args;
  if (command === 'template') return [...args, '--rules', file];
  if (command === 'rules') {
    if (sub === undefined) return ['rules', 'list', '--rules', file];
    return sub === 'list' ? [...args, '--rules', file] : args;
  }
  if (command === 'help') return args;
  return ['--rules', file, ...args];
}
