// `screen rules init|check|test|diff` and `screen --rules FILE` on the BUILT command (run
// `npm run build` first, as `npm test` does): exit codes, zh/en, and the files written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { edit, lineOf, MINI, MINI_ROSTER, miniText, tempDir, writeTemp } from './helpers.js';

let dir: string;
let raised: string;
let broken: string;
let roster: string;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist/cli/rules-tools-command.js'))) throw new Error('dist/ is missing the rule tools: run `npm run build` first');
  dir = tempDir('ruleset-cli-');
  raised = writeTemp(dir, 'raised.yaml', edit(miniText(), 'minHours: 90', 'minHours: 100'));
  broken = writeTemp(dir, 'rules.yaml', edit(edit(miniText(), 'minHours: 90', 'minHours: 九十'), 'severity: warn\n        message: { zh: 申报日期未填写', 'severity: warning\n        message: { zh: 申报日期未填写'));
  roster = writeTemp(dir, '花名册.csv', MINI_ROSTER);
});

describe('screen rules check', () => {
  it('exits 0 on a clean file', () => {
    const r = runCli(['rules', 'check', MINI]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('检查通过');
  });

  it('exits 1 and lists the errors with file and line (zh, en, json)', () => {
    const text = readFileSync(broken, 'utf8');
    const r = runCli(['rules', 'check', broken]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${broken}:${lineOf(text, 'severity: warning')} rules[1].outcomes.blank.severity: 应为 error、warn、info 之一`);
    const en = runCli(['rules', 'check', broken, '--lang', 'en']);
    expect(en.stdout).toContain('expected one of error, warn, info');
    const json = JSON.parse(runCli(['rules', 'check', broken, '--format', 'json']).stdout);
    expect(json).toMatchObject({ valid: false, errorCount: 1, errors: [{ code: 'shape', line: lineOf(text, 'severity: warning'), path: 'rules[1].outcomes.blank.severity' }] });
  });

  it('exits 2 when the file cannot be read', () => {
    const r = runCli(['rules', 'check', path.join(dir, 'nope.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取规则集文件');
  });
});

describe('screen --rules FILE', () => {
  it('refuses a malformed rule set with the pointed error and exit 2', () => {
    const r = runCli([roster, '--rules', broken, '--no-write']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${broken}:${lineOf(readFileSync(broken, 'utf8'), 'severity: warning')} rules[1].outcomes.blank.severity: 应为 error、warn、info 之一`);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe('screen rules test', () => {
  it('runs the bundled set’s own cases: all pass', () => {
    const r = runCli(['rules', 'test', 'zj-2023-zhenggao']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^内置规则集 zj-2023-zhenggao 的测试用例（核验日期 2024-03-08）：\d+ 个通过，0 个失败/);
    expect(r.stdout).not.toContain('bundled:');
    expect(runCli(['rules', 'check', 'zj-2023-zhenggao']).status).toBe(0);
  });

  it('exits 0 when every case passes, 1 when one fails, and says why', () => {
    expect(runCli(['rules', 'test', MINI]).status).toBe(0);
    const r = runCli(['rules', 'test', raised, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 passed, 4 failed');
    expect(r.stdout).toContain('✗ 合格');
    expect(r.stdout).toContain('reported but not expected: cpd-hours');
  });
});

describe('screen rules diff', () => {
  it('exits 0 for identical sets and 1 when they differ', () => {
    expect(runCli(['rules', 'diff', MINI, MINI]).status).toBe(0);
    const r = runCli(['rules', 'diff', MINI, raised]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('修改 rules[cpd-hours].params.minHours：90 → 100');
  });

  it('names a bundled rule set in words, not by the internal token (JSON keeps the token as data)', () => {
    const zh = runCli(['rules', 'diff', 'zj-2023-zhenggao', 'zj-2023-zhenggao']);
    expect(zh.stdout).toContain('规则集比较：内置规则集 zj-2023-zhenggao → 内置规则集 zj-2023-zhenggao，内容相同');
    expect(zh.stdout).not.toContain('bundled:');
    const en = runCli(['rules', 'diff', 'zj-2023-zhenggao', 'zj-2023-zhenggao', '--lang', 'en']);
    expect(en.stdout).toContain('Rule sets: bundled rule set zj-2023-zhenggao → bundled rule set zj-2023-zhenggao, no changes');
    expect(JSON.parse(runCli(['rules', 'diff', 'zj-2023-zhenggao', 'zj-2023-zhenggao', '--format', 'json']).stdout).a).toBe('bundled:zj-2023-zhenggao');
  });

  it('with --roster, reports the applicants whose verdict changes (exit 1), in JSON too', () => {
    const r = runCli(['rules', 'diff', MINI, raised, '--roster', roster, '--as-of', '2024-03-08']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('结论变化 1 人');
    expect(r.stdout).toContain('张三：通过 → 不通过');
    const json = JSON.parse(runCli(['rules', 'diff', MINI, raised, '--roster', roster, '--as-of', '2024-03-08', '--format', 'json']).stdout);
    expect(json.verdicts.changed).toEqual([expect.objectContaining({ name: '张三', before: 'pass', after: 'fail' })]);
  });
});

describe('screen rules init', () => {
  it('writes a commented copy that passes check and refuses to overwrite it', () => {
    const out = path.join(dir, 'zj-2024-zhenggao.yaml');
    const r = runCli(['rules', 'init', '--from', 'zj-2023-zhenggao', '--id', 'zj-2024-zhenggao', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已写出 ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*rules\/rule-set\.schema\.json\n/);
    expect(text).toContain('id: zj-2024-zhenggao');
    expect(text).toContain('★ 每年核对');
    const check = runCli(['rules', 'check', out]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('0 个错误');
    const again = runCli(['rules', 'init', '--from', 'zj-2023-zhenggao', '--id', 'zj-2024-zhenggao', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在');
  });

  describe('unchanged, screens the samples exactly like the bundled set', () => {
    let out: string;
    beforeAll(() => {
      out = path.join(dir, 'copy.yaml');
      expect(runCli(['rules', 'init', '--from', 'zj-2023-zhenggao', '--id', 'zj-2024-zhenggao', '--out', out]).status).toBe(0);
    });
    // The committed samples (samples-fresh.test.ts proves they are what make-samples makes).
    it.each(['employer', 'regional'])('samples/%s', (folder) => {
      const args = [path.join(ROOT, 'samples', folder), '--no-write', '--format', 'json', '--as-of', '2024-03-08', '--fail-on', 'never'];
      const a = JSON.parse(runCli(args).stdout);
      const b = JSON.parse(runCli([...args, '--rules', out]).stdout);
      expect(b.applicants.length).toBeGreaterThan(0);
      expect(b.applicants).toEqual(a.applicants);
      expect(b.summary).toEqual(a.summary);
    });
  });

  it('refuses a bad id and a .json output (exit 2)', () => {
    expect(runCli(['rules', 'init', '--from', 'zj-2023-zhenggao', '--id', 'ZJ 2024', '--out', path.join(dir, 'x.yaml')]).status).toBe(2);
    const r = runCli(['rules', 'init', '--from', 'zj-2023-zhenggao', '--id', 'zj-2024', '--out', path.join(dir, 'x.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out');
  });
});

it('writes nothing into the package while testing', () => {
  writeFileSync(path.join(dir, 'marker'), '');
  expect(existsSync(path.join(ROOT, 'zj-2024-zhenggao.yaml'))).toBe(false);
});
