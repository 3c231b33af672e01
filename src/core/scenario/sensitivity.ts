import { isProfitable } from '../economics/tokenEconomics.js';
import { InputError } from '../errors.js';
import type { EfficiencyProfile } from '../perf/efficiencyProfiles.js';
import { describeLayout } from '../perf/describeLayout.js';
import type { ResolvedOption } from './resolveScenario.js';
import { runOption, type OptionResult } from './runScenario.js';

/** A prompt of an agentic request: 30,000 tokens (the issue-13 case; InferenceX notes ~130:1 input:output on agentic traces). */
export const AGENTIC_INPUT_TOKENS = 30_000;

/** What one row of the sensitivity table changes. */
export type SensitivityCase = 'as given' | 'half the GPUs' | 'double the GPUs' | 'latency target 2x stricter' | 'prompt 4x longer' | 'agentic prompt';

/** The option's answer with one input moved: null figures where the model does not fit (or the move does not apply). */
export interface SensitivityRow {
  readonly case: SensitivityCase;
  /** The moved input in words, e.g. `32 → 16 GPUs`. */
  readonly change: string;
  readonly gpus: number;
  readonly layout: string | null;
  readonly meetsLatencyTarget: boolean | null;
  readonly costUsdPerRequest: number | null;
  readonly costUsdPerMillionOutputTokens: number | null;
  readonly marginFraction: number | null;
  /** PROFIT or LOSS at the option's utilization; null when nothing fits. */
  readonly profitable: boolean | null;
  /** Why there are no figures (does not fit, or a layout that does not divide the GPUs). */
  readonly note: string | null;
}

function row(c: SensitivityCase, change: string, o: ResolvedOption, run: () => OptionResult): SensitivityRow {
  const empty = { case: c, change, gpus: o.gpus, layout: null, meetsLatencyTarget: null, costUsdPerRequest: null, costUsdPerMillionOutputTokens: null, marginFraction: null, profitable: null };
  let r: OptionResult;
  try {
    r = run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ...empty, note: e.message };
  }
  const e = r.economics;
  const p = r.operatingPoint;
  if (e === null || p === null) return { ...empty, note: `does not fit ${o.gpus} ${o.gpu.id}${r.smallestFit === null ? '' : ` (needs ${r.smallestFit.gpus})`}` };
  return {
    case: c, change, gpus: o.gpus, layout: describeLayout(p.point), meetsLatencyTarget: p.meetsTarget,
    costUsdPerRequest: e.costUsdPerRequest, costUsdPerMillionOutputTokens: e.costUsdPerMillionOutputTokens,
    marginFraction: e.marginFraction, profitable: isProfitable(e), note: p.meetsTarget ? null : p.reason,
  };
}

/**
 * How the verdict of one option moves when one input moves at a time (the others as given, the
 * layout and batch searched again at each row): half and double the GPUs, a latency target twice
 * as strict (twice the tokens/s per user, half the TTFT bound), a prompt four times as long and an
 * agentic 30,000-token prompt (left out when the prompt is already that long). `base` is the
 * option's own run, reused as the first row. A report shows one point; these rows show how far
 * the answer holds around it.
 * Example: the default Kimi K2.5 option on 16 H200 loses money at 8 GPUs.
 */
export function sensitivity(base: OptionResult, profile: EfficiencyProfile | undefined = base.option.profile): SensitivityRow[] {
  const o = base.option;
  const at = (x: ResolvedOption) => () => runOption(x, profile);
  const rows: SensitivityRow[] = [row('as given', 'none (the option as reported)', o, () => base)];
  const half = Math.floor(o.gpus / 2);
  if (half >= 1) rows.push(row('half the GPUs', `${o.gpus} → ${half} GPUs`, { ...o, gpus: half }, at({ ...o, gpus: half })));
  rows.push(row('double the GPUs', `${o.gpus} → ${2 * o.gpus} GPUs`, { ...o, gpus: 2 * o.gpus }, at({ ...o, gpus: 2 * o.gpus })));
  const t = o.latencyTarget;
  const stricter = {
    minTokensPerSecondPerUser: t.minTokensPerSecondPerUser === null ? null : 2 * t.minTokensPerSecondPerUser,
    maxTtftSeconds: t.maxTtftSeconds === null ? null : t.maxTtftSeconds / 2,
  };
  const targetText = (x: typeof t) => [x.minTokensPerSecondPerUser === null ? null : `${x.minTokensPerSecondPerUser} tok/s per user`, x.maxTtftSeconds === null ? null : `TTFT ${x.maxTtftSeconds} s`].filter((s) => s !== null).join(', ');
  if (t.minTokensPerSecondPerUser !== null || t.maxTtftSeconds !== null) {
    rows.push(row('latency target 2x stricter', `${targetText(t)} → ${targetText(stricter)}`, o, at({ ...o, latencyTarget: stricter })));
  }
  const w = o.workload;
  const longer = (c: SensitivityCase, inputTokens: number) =>
    row(c, `prompt ${w.inputTokens.toLocaleString('en-US')} → ${inputTokens.toLocaleString('en-US')} tokens`, o, at({ ...o, workload: { ...w, inputTokens } }));
  rows.push(longer('prompt 4x longer', 4 * w.inputTokens));
  if (w.inputTokens < AGENTIC_INPUT_TOKENS && 4 * w.inputTokens !== AGENTIC_INPUT_TOKENS) rows.push(longer('agentic prompt', AGENTIC_INPUT_TOKENS));
  return rows;
}
