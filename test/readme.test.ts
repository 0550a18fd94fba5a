// The README's commands, run as written (npx screen → the built bin) in a scratch folder holding the
// samples, so the quick start and the walkthroughs cannot rot. For `$ command` blocks, every output
// line the README shows (except elided ones with …) must appear in the real output.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';
import { makeTempDir } from './helpers/temp-dir.js';

interface Step {
  args: string[];
  stdoutTo?: string;
  expected: string[];
}

function splitArgs(line: string): { args: string[]; stdoutTo?: string } {
  const [cmd, redirect] = line.split(/\s>\s/);
  const words = cmd!.trim().split(/\s+/);
  const args = words.slice(words.indexOf('roster-screen') + 1); // drop "npx roster-screen" / "roster-screen"
  return { args, ...(redirect ? { stdoutTo: redirect.trim() } : {}) };
}

function readmeSteps(): Step[] {
  const text = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const steps: Step[] = [];
  for (const block of text.matchAll(/```(?:sh)?\n([\s\S]*?)```/g)) {
    const lines = block[1]!.replace(/\\\n\s*/g, ' ').split('\n');
    let current: Step | null = null;
    for (const raw of lines) {
      const line = raw.replace(/^\$ /, '');
      const m = /(?:^|&& )((?:npx )?roster-screen (?!\d+\.\d+\.\d+ ·).*)$/.exec(line); // not the banner line of an output
      if (m && !line.startsWith('#')) {
        const step: Step = { ...splitArgs(m[1]!), expected: [] };
        steps.push(step);
        // Only a `$ command` is followed by its output; plain blocks list commands.
        current = raw.startsWith('$ ') ? step : null;
      } else if (current && raw.startsWith('$ ')) {
        current = null;
      } else if (current && raw.trim() && !raw.includes('…') && !raw.startsWith('#')) {
        current.expected.push(raw.trim());
      }
    }
  }
  return steps;
}

describe('README commands', () => {
  const steps = readmeSteps();
  const dir = makeTempDir('rs-readme-');
  cpSync(path.join(ROOT, 'samples'), path.join(dir, 'samples'), { recursive: true });
  // Names the README uses for "your own" files.
  cpSync(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), path.join(dir, '花名册.xlsx'));
  cpSync(path.join(ROOT, 'samples/regional'), path.join(dir, 'rosters'), { recursive: true });

  it('finds the quick start and the walkthrough commands', () => {
    expect(steps.length).toBeGreaterThanOrEqual(8);
    expect(steps[0]!.args[0]).toBe('samples/employer/花名册-杭州某某科技.xlsx');
  });

  // In order: later commands use what earlier ones wrote (rules init → check → test → diff).
  it.each(steps.map((s, i) => [i + 1, s.args.join(' '), s] as const))('%i: screen %s', (_i, _label, step) => {
    const subcommand = ['rules', 'template'].includes(step.args[0]!);
    const r = runCli(subcommand ? step.args : [...step.args, '--no-progress'], { cwd: dir });
    expect(r.stderr).not.toMatch(/错误|Error|内部/);
    expect([0, 1]).toContain(r.status);
    if (step.stdoutTo) writeFileSync(path.join(dir, step.stdoutTo), r.stdout);
    const actual = new Set(r.stdout.split('\n').map((l) => l.trim()));
    for (const line of step.expected) expect(actual, `README shows: ${line}`).toContain(line);
  });
});
