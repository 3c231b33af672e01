import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the CLI from source in a child process whose stdout reader goes away after the first chunk (`| head -1`). */
function runClosingPipe(argv: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const script = "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1), process.stdout, process.stderr);";
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, ...argv], { cwd: new URL('../..', import.meta.url).pathname });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that goes away (EPIPE)', () => {
  it('report many-options.json --json | head -1 ends quietly with exit 0, no stack trace', async () => {
    // Far more output than a pipe buffers (64 KiB), so writes go on after the reader has gone.
    const path = join(mkdtempSync(join(tmpdir(), 'inferonomics-pipe-')), 'many-options.json');
    writeFileSync(path, JSON.stringify({ options: Array.from({ length: 40 }, (_, i) => ({ model: 'llama-3.1-8b', gpu: 'h100-sxm', gpus: 1 + (i % 4) })) }));
    const r = await runClosingPipe(['report', path, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);
});
