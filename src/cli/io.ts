/** Everything a command may touch outside the core, passed in so tests can supply their own. */
export interface CliIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
  /** Reads a UTF-8 text file; throws the platform error when it cannot. */
  readonly readTextFile: (path: string) => string;
  /** Today's date as YYYY-MM-DD (stamps imported configs). */
  readonly today: () => string;
}
