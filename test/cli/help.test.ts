import { readFileSync } from 'node:fs';
import type { ArgsDef, CommandDef } from 'citty';
import { describe, expect, it } from 'vitest';
import { rootCommand } from '../../src/cli/main.js';
import { runCli } from './runCli.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Every command path of the tree with its flags: `['prices', 'import']`, `['report']`, ... */
function commandPaths(command: CommandDef, path: readonly string[] = []): { path: string[]; args: ArgsDef }[] {
  const subs = (command.subCommands ?? {}) as Record<string, CommandDef>;
  const own = path.length === 0 ? [] : [{ path: [...path], args: (command.args ?? {}) as ArgsDef }];
  return [...own, ...Object.entries(subs).flatMap(([name, sub]) => commandPaths(sub, [...path, name]))];
}

const io = { out: { write: () => true }, err: { write: () => true }, readTextFile: () => '', today: () => '2026-12-07' };
const paths = commandPaths(rootCommand(io));

describe('inferonomics --version', () => {
  it('prints the version of package.json and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('shows the version in the usage', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain(`v${packageJson.version}`);
  });
});

describe('every subcommand --help lists its own flags', () => {
  it('walks the whole tree, the prices subcommands included', () => {
    const names = paths.map((p) => p.path.join(' '));
    expect(names).toEqual(expect.arrayContaining(['report', 'simulate', 'prices', 'prices import', 'prices pull', 'prices list']));
    expect(paths.length).toBeGreaterThanOrEqual(16);
  });

  it.each(paths.map((p) => [p.path.join(' '), p] as const))('%s --help', async (_, { path, args }) => {
    const r = await runCli([...path, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`inferonomics ${path.join(' ')}`);
    for (const [name, def] of Object.entries(args)) {
      expect(r.stdout).toContain(def.type === 'positional' ? name.toUpperCase() : `--${name}`);
    }
  });

  it('prices import --help shows the import flags, not the prices group', async () => {
    const r = await runCli(['prices', 'import', '--help']);
    expect(r.stdout).toContain('--strict');
    expect(r.stdout).toContain('--source-base-url');
    expect(r.stdout).not.toContain('--timeout-seconds');
    const pull = await runCli(['prices', 'pull', '-h']);
    expect(pull.stdout).toContain('--timeout-seconds');
    expect(pull.stdout).not.toContain('--source-base-url');
    const list = await runCli(['prices', 'list', '--help']);
    expect(list.stdout).toMatch(/--gpu[\s\S]*--model|--model[\s\S]*--gpu/);
  });

  it('prices --help lists its subcommands', async () => {
    const r = await runCli(['prices', '--help']);
    expect(r.code).toBe(0);
    for (const sub of ['import', 'pull', 'list']) expect(r.stdout).toContain(sub);
  });
});
