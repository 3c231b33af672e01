import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { defineCommand, renderUsage, runCommand, type CommandDef } from 'citty';
import { InputError } from '../core/errors.js';
import { fitCommand } from './commands/fit.js';
import { validateCommand } from './commands/validate.js';
import { calibrateCommand } from './commands/calibrate.js';
import { perfCommand } from './commands/perf.js';
import { frontierCommand } from './commands/frontier.js';
import { reportCommand } from './commands/report.js';
import { reproduceCommand } from './commands/reproduce.js';
import { pricesCommand } from './commands/prices.js';
import { marketCommand } from './commands/market.js';
import { simulateCommand } from './commands/simulate.js';
import { subscriptionCommand } from './commands/subscription.js';
import { labCommand } from './commands/lab.js';
import { uncertaintyCommand } from './commands/uncertainty.js';
import type { CliIo } from './io.js';

function rootCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'inferonomics', description: 'Does it make money to serve LLM tokens? Physics of serving joined to the money.' },
    subCommands: { report: reportCommand(io), reproduce: reproduceCommand(io), market: marketCommand(io), simulate: simulateCommand(io), subscription: subscriptionCommand(io), lab: labCommand(io), uncertainty: uncertaintyCommand(io), fit: fitCommand(io), perf: perfCommand(io), frontier: frontierCommand(io), validate: validateCommand(io), calibrate: calibrateCommand(io), prices: pricesCommand(io) },
  });
}

export const nodeIo = (out: CliIo['out'], err: CliIo['err']): CliIo => ({
  out,
  err,
  readTextFile: (path) => readFileSync(path, 'utf8'),
  today: () => new Date().toISOString().slice(0, 10),
  writeTextFile: (path, text, { overwrite }) => writeTextFileAtomically(path, text, overwrite),
  fileExists: (path) => existsSync(path),
  now: () => performance.now(),
  ...((err as { isTTY?: boolean }).isTTY === true && {
    progress: (message: string | null) => err.write(message === null ? '\r\x1b[K' : `\r\x1b[K${message}`),
  }),
  fetchText: async (url, { signal }) => {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    return { status: response.status, statusText: response.statusText, body: await response.text() };
  },
});

/**
 * Writes `text` to a synced temporary file beside `path`, then moves it into place: a rename, or,
 * when `overwrite` is false, a hard link, which fails with EEXIST if `path` appeared meanwhile.
 */
function writeTextFileAtomically(path: string, text: string, overwrite: boolean): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'wx');
  try {
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) renameSync(temporary, path);
    else linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * The one exit point: runs a command, turns every input error into one line on stderr and exit
 * code 2, and any other failure into exit code 1. Returns the exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const root = rootCommand(io);
  const subCommands = (root.subCommands ?? {}) as Record<string, CommandDef>;
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      io.out.write(`${await renderUsage(root)}\n`);
      return name === undefined ? 2 : 0;
    }
    const sub = subCommands[name];
    if (sub === undefined) {
      throw new InputError('command', name, `one of ${Object.keys(subCommands).join(', ')}`);
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out.write(`${await renderUsage(sub, root)}\n`);
      return 0;
    }
    await runCommand(sub, { rawArgs: rest });
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err.write(`inferonomics: ${e.message}\n`);
      return 2;
    }
    if (e instanceof Error && e.name === 'CLIError') {
      io.err.write(`inferonomics: ${e.message}\n`);
      return 2;
    }
    io.err.write(`inferonomics: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

export async function main(argv: string[], out: CliIo['out'], err: CliIo['err']): Promise<number> {
  return run(argv, nodeIo(out, err));
}
