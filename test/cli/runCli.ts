import { readFileSync } from 'node:fs';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process with captured output and a fixed clock; `overrides` replace or add
 * members of the io (a fake `fetchText`, a real `writeTextFile`).
 */
export async function runCli(argv: readonly string[], overrides: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    out: { write: (t: string) => (stdout += t) },
    err: { write: (t: string) => (stderr += t) },
    readTextFile: (path) => readFileSync(path, 'utf8'),
    today: () => '2026-11-27',
    ...overrides,
  });
  return { code, stdout, stderr };
}

/** Runs the CLI with --json and parses stdout. */
export async function runCliJson<T = Record<string, unknown>>(argv: readonly string[]): Promise<T> {
  const r = await runCli([...argv, '--json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
