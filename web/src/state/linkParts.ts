import * as v from 'valibot';
import type { ScenarioOptionInput } from '../../../src/core/scenario/schema.js';
import { describeValue } from '../../../src/core/scenario/parseScenario.js';
import { USAGE_PROFILE_IDS } from '../../../src/core/subscription/usageProfiles.js';
import { DEFAULT_BUSINESS, type BusinessState } from '../compute/businessView.js';
import { DEFAULT_DEMAND, isDemandState, type DemandState } from '../compute/simulationView.js';
import { MAX_COMPARED, type CompareEntry } from '../compare/comparison.js';
import { DEFAULT_STATE } from './defaultState.js';
import { linkShapeProblems } from './linkShape.js';
import { BUSINESS_SCHEMAS as B } from './panelNumbers.js';

/**
 * The parts of a link beside the editor's option: the simulation's demand, the business view's
 * inputs and the compared options. Each is merged over its defaults; a part that cannot be used is
 * left out (the page keeps its defaults) and `notes` gets one line saying why. Values out of range
 * pass here: the view's own checks show them by their field when it runs.
 */

/** The demand of a link over the default demand; undefined (with a note) when it is not a demand. */
export function readLinkDemand(raw: unknown, notes: string[]): DemandState | undefined {
  if (raw === undefined) return undefined;
  const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const merged = fields === null ? raw : { ...DEFAULT_DEMAND, ...fields };
  if (isDemandState(merged)) return merged;
  // Each field tried alone over the default demand names the ones at fault.
  const bad = fields === null ? [describeValue(raw)] : Object.entries(fields).filter(([k, x]) => !isDemandState({ ...DEFAULT_DEMAND, [k]: x })).map(([k, x]) => `${k}: ${describeValue(x)}`);
  notes.push(`the simulation's demand (${bad.join('; ')}) is not one the simulation can run`);
  return undefined;
}

const pair = v.tuple([v.number(), v.number()]);
const BusinessShape = v.partial(v.strictObject({
  usageProfile: v.nullable(v.picklist(USAGE_PROFILE_IDS)),
  idleShare: v.nullable(B.idleShare),
  medianMillionTokensPerMonth: v.nullable(B.medianMillionTokensPerMonth),
  sigma: v.nullable(B.sigma),
  lifetimeMonths: B.lifetimeMonths,
  outputTrillionTokensPerMonth: B.outputTrillionTokensPerMonth,
  discount: v.nullable(B.discount),
  base: v.picklist(['builtin', 'editor']),
  totalParamsT: pair,
  activeParamsB: pair,
  utilization: pair,
  samples: v.number(),
}));

/** The business inputs of a link over the defaults; undefined (with a note naming each bad field) when any field has the wrong type or lies outside the panel's range. */
export function readLinkBusiness(raw: unknown, notes: string[]): BusinessState | undefined {
  if (raw === undefined) return undefined;
  const r = v.safeParse(BusinessShape, raw);
  if (r.success) return { ...DEFAULT_BUSINESS, ...r.output };
  // One line per field at fault, with the field's whole value (a pair, not its missing second number).
  const keys = [...new Set(r.issues.map((issue) => String(issue.path?.[0]?.key ?? '')))];
  const fields = keys.map((k) => (k === '' ? `received ${describeValue(raw)}` : `${k}: received ${describeValue((raw as Record<string, unknown>)[k])}`));
  notes.push(`the business inputs have fields of the wrong type or out of range (${fields.join('; ')})`);
  return undefined;
}

/** The compared options of a link, each over the default option; undefined (with a note) when the list cannot be used. */
export function readLinkCompare(raw: unknown, notes: string[]): CompareEntry[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length > MAX_COMPARED) {
    notes.push(`the compared options are not a list of at most ${MAX_COMPARED} options (received ${describeValue(raw)})`);
    return undefined;
  }
  const entries: CompareEntry[] = [];
  raw.forEach((entry: unknown, i) => {
    const e = typeof entry === 'object' && entry !== null ? (entry as { option?: unknown; configJson?: unknown }) : {};
    const problems = typeof e.option === 'object' && e.option !== null && !Array.isArray(e.option) ? linkShapeProblems(e.option) : ['option: expected an object'];
    if (problems.length > 0) {
      notes.push(`compared option ${i + 1} was left out (${problems.join('; ')})`);
      return;
    }
    const option = e.option as ScenarioOptionInput;
    entries.push({
      option: mergeOption(DEFAULT_STATE.option, option),
      configJson: typeof e.configJson === 'string' ? e.configJson : null,
    });
  });
  return entries;
}

/** `option` over `defaults`: workload and latency target field by field (as a scenario file's defaults), every other field whole. */
export function mergeOption(defaults: ScenarioOptionInput, option: ScenarioOptionInput): ScenarioOptionInput {
  return {
    ...defaults,
    ...option,
    workload: { ...defaults.workload, ...option.workload },
    latencyTarget: { ...defaults.latencyTarget, ...option.latencyTarget },
  };
}
