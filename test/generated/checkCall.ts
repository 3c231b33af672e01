import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeIo, run } from '../../src/cli/main.js';
import type { GeneratedCall } from './callGenerators.js';

/** What one call did, and every way it broke the CLI's contract. */
export interface CallOutcome {
  readonly argv: readonly string[];
  readonly code: number;
  readonly milliseconds: number;
  /** Empty when the call kept the contract. */
  readonly problems: readonly string[];
  readonly kind: 'ok' | 'internal error' | 'over time' | 'non-finite' | 'accepted invalid' | 'bad message';
}

/** Non-finite numbers in a value about to be printed as JSON, by path (JSON would print them as null). */
function nonFinitePaths(value: unknown, path = '$', out: string[] = [], depth = 0): string[] {
  if (out.length >= 5 || depth > 40) return out;
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((x, i) => nonFinitePaths(x, `${path}[${i}]`, out, depth + 1));
  else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [k, x] of Object.entries(value)) nonFinitePaths(x, `${path}.${k}`, out, depth + 1);
  }
  return out;
}

/**
 * Runs one generated call in-process (files written under `dir`, the real file system and no
 * network) and checks the contract: exit 0 or 2 only (never an internal error); on exit 2 every
 * stderr line is a message of the CLI (no stack trace, no control character); no number printed
 * in JSON was NaN or Infinity; an invalid input is refused (exit 2); the call ends within
 * `budgetMilliseconds`.
 */
export async function checkCall(call: GeneratedCall, dir: string, budgetMilliseconds: number): Promise<CallOutcome> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(call.files)) writeFileSync(join(dir, name), text);
  const argv = call.argv.map((a) => a.replaceAll('{dir}', dir));
  let stdout = '';
  let stderr = '';
  const out = { write: (t: string) => (stdout += t) };
  const err = { write: (t: string) => (stderr += t) };
  const real = nodeIo(out, err);
  // Catch NaN and Infinity on their way into printed JSON, where they would turn into null.
  const stringify = JSON.stringify;
  const nonFinite: string[] = [];
  JSON.stringify = ((value: unknown, replacer?: never, space?: string | number) => {
    const text = stringify(value, replacer, space);
    if (space !== undefined && nonFinite.length === 0) nonFinite.push(...nonFinitePaths(value));
    return text;
  }) as typeof JSON.stringify;
  const t0 = performance.now();
  let code: number;
  try {
    code = await run(argv, { out, err, readTextFile: (path) => readFileSync(path, 'utf8'), today: () => '2026-11-27', writeTextFile: real.writeTextFile, fileExists: real.fileExists, isDirectory: real.isDirectory });
  } finally {
    JSON.stringify = stringify;
  }
  const milliseconds = performance.now() - t0;
  const problems: string[] = [];
  let kind: CallOutcome['kind'] = 'ok';
  const flag = (k: CallOutcome['kind'], p: string) => {
    if (kind === 'ok') kind = k;
    problems.push(p);
  };
  if (code !== 0 && code !== 2) flag('internal error', `exit ${code}: ${stderr.slice(0, 300)}`);
  if (stderr.includes('internal error')) flag('internal error', stderr.slice(0, 300));
  if (milliseconds > budgetMilliseconds) flag('over time', `took ${Math.round(milliseconds)} ms, budget ${budgetMilliseconds} ms`);
  if (nonFinite.length > 0 && stdout !== '') flag('non-finite', `non-finite numbers in JSON: ${nonFinite.join(', ')}`);
  if (call.invalid && code === 0) flag('accepted invalid', `exit 0 for an invalid input; stdout ${stdout.slice(0, 200)}`);
  if (code === 2) {
    const lines = stderr.trimEnd().split('\n');
    if (!(lines[0] ?? '').startsWith('inferonomics: ') && !/^(warning|error): /.test(lines[0] ?? '') && !stderr.startsWith('USAGE') && !/^[^\n]*\n\nUSAGE/.test(stderr)) flag('bad message', `first stderr line is not a message: ${stderr.slice(0, 200)}`);
    if (/\n\s+at .+\(.+:\d+:\d+\)/.test(stderr)) flag('bad message', `a stack trace on stderr: ${stderr.slice(0, 300)}`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(stderr)) flag('bad message', `a control character on stderr: ${JSON.stringify(stderr.slice(0, 200))}`);
    if (lines.some((l) => l.length > 600)) flag('bad message', 'a stderr line longer than 600 characters');
  }
  return { argv, code, milliseconds, problems, kind };
}
