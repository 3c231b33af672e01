import { InputError, quoteForMessage } from '../errors.js';

/**
 * A serving engine's release, `major.minor[.patch]` (`0.5.0`, `1.0`). Where none is stated the
 * model describes the engine's current release: engine behaviour that older releases lack (or
 * had) applies only to a version that is stated.
 */
export interface EngineVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** What an engine version may look like: `0.5`, `0.5.0`, `v0.14.0`, `1.0.0rc3` (suffix ignored). */
const VERSION_PATTERN = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?(?:[-+.]?[0-9A-Za-z.]*)?$/;

/**
 * Reads an engine version; throws an InputError naming `field` and the value for anything else.
 * Example: parseEngineVersion('--engine-version', 'v0.9.0') is { major: 0, minor: 9, patch: 0 }.
 */
export function parseEngineVersion(field: string, text: string): EngineVersion {
  const m = VERSION_PATTERN.exec(text.trim());
  if (m === null) throw new InputError(field, quoteForMessage(text, 40), 'a release such as 0.9.0 or 1.0 (major.minor[.patch])');
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]) };
}

/** True when `version` is older than `major.minor`. */
export function isOlderThan(version: EngineVersion, major: number, minor: number): boolean {
  return version.major < major || (version.major === major && version.minor < minor);
}
