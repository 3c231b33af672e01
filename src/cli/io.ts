import { InputError } from '../core/errors.js';

/** Everything a command may touch outside the core, passed in so tests can supply their own. */
export interface CliIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
  /** Reads a UTF-8 text file; throws the platform error when it cannot. */
  readonly readTextFile: (path: string) => string;
  /** Today's date as YYYY-MM-DD (stamps imported configs). */
  readonly today: () => string;
}

/**
 * Reads a file named by `field`, turning a failure into a one-line InputError:
 * `invalid --model: cannot read x.json (ENOENT); expected a config.json path`.
 */
export function readInputFile(io: CliIo, field: string, path: string, expected: string): string {
  try {
    return io.readTextFile(path);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : 'unreadable';
    throw new InputError(field, path, expected, `invalid ${field}: cannot read ${path} (${reason}); expected ${expected}`);
  }
}
