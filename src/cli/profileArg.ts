import { InputError } from '../core/errors.js';
import { parseEfficiencyProfile, type EfficiencyProfile } from '../core/perf/efficiencyProfiles.js';
import { readJsonInput, type CliIo } from './io.js';

/** The `--profile` flag of every command that runs the performance model. */
export const profileArg = {
  profile: { type: 'string', description: 'efficiency factors from `inferonomics calibrate --out` (default: the shipped calibration)', valueHint: 'profile.json' },
} as const;

/** The profile named by `--profile`, or undefined (the shipped one); a bad file is an InputError naming it. */
export function readProfile(io: CliIo, path: unknown): EfficiencyProfile | undefined {
  if (path === undefined) return undefined;
  const file = String(path);
  const raw = readJsonInput(io, '--profile', file, 'a profile JSON file written by `inferonomics calibrate --out`');
  const r = parseEfficiencyProfile(raw);
  if (!r.ok) throw new InputError('--profile', file, 'a profile written by calibrate', `invalid --profile: ${file}: ${r.problems.slice(0, 5).join('; ')}`);
  return r.profile;
}
