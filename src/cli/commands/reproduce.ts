import { defineCommand } from 'citty';
import { oneOf } from '../../core/errors.js';
import { DEEPSEEK_DAY, DEEPSEEK_MTP, deepseekAccounting, deepseekFleet, deepseekPhysics, deepseekProfileCheck, publishedAttribution } from '../../core/reproduce/deepseekDay.js';
import { mixtralH100 } from '../../core/reproduce/mixtralH100.js';
import { openai2024 } from '../../core/reproduce/openai2024.js';
import { rejectUnknownFlags } from '../args.js';
import { table } from '../format.js';
import { count, fixed, gigabytes, millionsOfTokens, percent, ratio, signedPercent, usd as formatUsd, USD_STYLES } from '../../format/numbers.js';
import type { CliIo } from '../io.js';
import { renderOpenai2024 } from './reproduceOpenai2024.js';

const CASES = ['deepseek', 'mixtral-h100', 'openai-2024'] as const;

const args = {
  name: { type: 'positional', required: true, description: `which published case: ${CASES.join(', ')}`, valueHint: 'name' },
  json: { type: 'boolean', description: 'print the result as JSON' },
} as const;

const signed = (x: number) => signedPercent(x, 1);
const share = (x: number) => percent(x, 1);
const usd = (x: number) => formatUsd(x, USD_STYLES.bill);

/** The `reproduce` command: published cases end to end, the published figure beside the tool's. */
export function reproduceCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'reproduce', description: 'Published cases end to end: DeepSeek\'s production day, the Mixtral-on-one-H100 claim, OpenAI\'s 2024' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const name = oneOf('case', String(a.name), CASES);
      if (name === 'openai-2024') {
        const year = openai2024();
        io.out.write(a.json ? `${JSON.stringify(year, null, 2)}\n` : renderOpenai2024(year));
        return;
      }
      const result = name === 'deepseek' ? deepseek() : mixtralH100();
      io.out.write(a.json ? `${JSON.stringify(result, null, 2)}\n` : name === 'deepseek' ? renderDeepseek(result as ReturnType<typeof deepseek>) : renderMixtral(result as ReturnType<typeof mixtralH100>));
    },
  });
}

function deepseek() {
  const acc = deepseekAccounting();
  const physics = deepseekPhysics();
  const withMtp = deepseekPhysics(DEEPSEEK_MTP);
  const d = DEEPSEEK_DAY;
  return {
    source: d.source,
    published: { dailyCostUsd: d.dailyCostUsd, revenueUsd: d.revenueUsd, costProfitMargin: d.costProfitMargin, averageNodes: d.averageNodes, peakNodes: d.peakNodes },
    dailyCostUsd: acc.dailyCostUsd,
    revenueUsd: acc.revenueUsd,
    costProfitMargin: acc.costProfitMargin,
    revenueRelativeError: (acc.revenueUsd - d.revenueUsd) / d.revenueUsd,
    predictedAverageNodes: physics.predictedAverageNodes,
    predictedAverageNodesRelativeError: physics.predictedAverageNodesRelativeError,
    prefillGpuTimeShare: physics.attribution.prefillGpuTimeShare,
    outputToInputCostRatio: physics.attribution.outputToInputCostRatio,
    prefillPoolOccupancy: physics.assumptions.prefillPoolOccupancy,
    prefillGpuTimeShareAtFullOccupancy: physics.atFullOccupancy.prefillGpuTimeShare,
    publishedAttribution: publishedAttribution(),
    profileCheck: deepseekProfileCheck(),
    physics,
    withMtp: {
      speculation: DEEPSEEK_MTP, predictedAverageNodes: withMtp.predictedAverageNodes, predictedAverageNodesRelativeError: withMtp.predictedAverageNodesRelativeError,
      prefillGpuTimeShare: withMtp.attribution.prefillGpuTimeShare, outputToInputCostRatio: withMtp.attribution.outputToInputCostRatio,
    },
    demand: deepseekFleet(physics),
  };
}

function renderDeepseek(r: ReturnType<typeof deepseek>): string {
  const p = r.physics;
  return [
    `DeepSeek V3/R1, one day of production (${r.source})`,
    '',
    'Accounting, from the published token counts, R1 prices, 226.75 average nodes and $2 per GPU-hour:',
    table([
      ['daily cost', usd(r.published.dailyCostUsd), usd(r.dailyCostUsd), signed((r.dailyCostUsd - r.published.dailyCostUsd) / r.published.dailyCostUsd)],
      ['theoretical revenue', usd(r.published.revenueUsd), usd(r.revenueUsd), signed(r.revenueRelativeError)],
      ['cost-profit margin', percent(r.published.costProfitMargin, 0), percent(r.costProfitMargin, 1), ''],
    ], ['', 'published', 'tool', 'difference']),
    'Physics: the H800 nodes the performance model says the day\'s tokens need with DeepSeek\'s layouts:',
    table([
      ['prefill capacity, full-batch profile (cache-miss tokens/s per node)', count(r.profileCheck.prefill.profileFreshInputTokensPerSecondPerNode), count(r.profileCheck.prefill.modelFreshInputTokensPerSecondPerNode), signed(r.profileCheck.prefill.relativeError)],
      ['decode capacity, full-batch profile (output tokens/s per node)', count(r.profileCheck.decode.profileOutputTokensPerSecondPerNode), count(r.profileCheck.decode.modelOutputTokensPerSecondPerNode), signed(r.profileCheck.decode.relativeError)],
    ], ['DeepSeek\'s own profile of the same layouts (profile-data, per LMSYS)', 'profile', 'model', 'difference']),
    table([
      ['prefill input tokens/s per node, day average', count(p.prefill.publishedInputTokensPerSecondPerNode), count(p.prefill.inputTokensPerSecondPerNode), signed(p.prefill.inputTokensPerSecondPerNode / p.prefill.publishedInputTokensPerSecondPerNode - 1)],
      ['  capacity at full use', '', count(p.prefill.capacityInputTokensPerSecondPerNode), ''],
      ['decode output tokens/s per node', count(14_800), p.decode === null ? 'unreachable' : count(p.decode.outputTokensPerSecondPerNode), p.decode === null ? '' : signed(p.decode.outputTokensPerSecondPerNode / 14_800 - 1)],
      ['nodes, average over the day', '226.75', fixed(p.predictedAverageNodes, 1), signed(p.predictedAverageNodesRelativeError)],
      ['  of which prefill / decode', '', `${fixed(p.predictedPrefillNodes, 1)} / ${fixed(p.predictedDecodeNodes, 1)}`, ''],
      ['nodes at peak', '278', '', ''],
      ['nodes with MTP (1 token, 87.5% accepted)', '', fixed(r.withMtp.predictedAverageNodes, 1), signed(r.withMtp.predictedAverageNodesRelativeError)],
    ], ['', 'published', 'tool', 'difference']),
    'Who pays for the GPU-time, by phase (prefill pool to prompts, decode pool to output; "published" from the per-node rates):',
    table([
      ['share of GPU-time on prompts', share(r.publishedAttribution.prefillGpuTimeShare), share(r.prefillGpuTimeShare), `${share(r.withMtp.prefillGpuTimeShare)} with MTP; ${share(r.prefillGpuTimeShareAtFullOccupancy)} with the prefill pool fully used`],
      ['output / cache-miss input cost, all prefill on misses', ratio(r.publishedAttribution.outputToInputCostRatioAllPrefillOnMisses), ratio(p.attribution.outputToInputCostRatioAllPrefillOnMisses), ''],
      ['output / cache-miss input cost, hits bearing their attention', '', ratio(r.outputToInputCostRatio), `${ratio(r.withMtp.outputToInputCostRatio)} with MTP`],
    ], ['', 'published', 'tool', '']),
    'Demand over the day: a 24-hour profile with the published peak-to-average (278 / 226.75 = 1.226), whole nodes each hour:',
    table([
      ['average nodes', '226.75', fixed(r.demand.averageNodes, 1), signed(r.demand.averageNodesRelativeError)],
      ['peak nodes', '278', String(r.demand.peakNodes), signed(r.demand.peakNodesRelativeError)],
      ['utilization of the hourly fleet', '', percent(r.demand.utilization, 1), ''],
      ['utilization of a fleet held at the peak', percent(r.demand.published.peakSizedUtilization, 1), percent(r.demand.peakSizedUtilization, 1), ''],
    ], ['', 'published', 'tool', 'difference']),
    `assumptions: decode at ${p.assumptions.decodeSpeedTokensPerSecondPerUser} tokens/s per user (${p.decode === null ? '-' : fixed(p.decode.sequencesPerGpu, 0)} sequences a GPU) over ${p.assumptions.decodeContextTokens} tokens of KV; prompts of ${p.assumptions.promptTokens}, ${percent(p.assumptions.prefixCacheHitRate, 1)} cached; ${p.assumptions.layouts}.`,
    `The published prefill rate (${count(p.prefill.publishedFreshTokensPerSecondPerGpu)} cache-miss tokens/s a GPU) is ${share(p.prefill.publishedShareOfModelledCapacity)} of the modelled capacity of full 16K-token steps; the prefill pool is taken as busy ${share(p.assumptions.prefillPoolOccupancy)} of the day (stated input: ${p.assumptions.prefillPoolOccupancyNote}); ${p.assumptions.speculationNote}.`,
    'Decode nodes are sized for full use at the stated speed per user and prefill nodes at the stated occupancy; the hourly fleet above adds whole-node rounding through the day.',
    '',
  ].join('\n');
}

function renderMixtral(r: ReturnType<typeof mixtralH100>): string {
  const c = r.claim;
  const f = r.fullyBatched;
  const pct = (x: number | null) => (x === null ? 'never' : percent(x, 0));
  return [
    'Claim: one 80 GB H100 serves Mixtral 8x7B at ~10k tokens/s fully batched: 36M tokens an hour, $38.88 an hour at $0.54/M;',
    'an 8-GPU rental at $3.99/GPU-hour with a two-week minimum needs ~66% utilization to break even.',
    '',
    table([
      ['fits one H100 at bf16?', 'implied yes', r.fitsOneH100.bf16 ? 'yes' : `no: ${gigabytes(r.fitsOneH100.bf16WeightBytes)} of weights; needs ${r.fitsOneH100.bf16SmallestGpus}`],
      ['fits one H100 at fp8?', '', r.fitsOneH100.fp8 ? `yes: ${gigabytes(r.fitsOneH100.fp8WeightBytes)} of weights` : 'no'],
      ['tokens/s fully batched (fp8, vLLM)', count(c.tokensPerSecondPerGpu), `${count(f.totalTokensPerSecond)} total (${count(f.outputTokensPerSecond)} output) at ${count(f.sequences)} sequences, ${fixed(f.tokensPerSecondPerUser, 1)} tokens/s per user`],
      ['tokens an hour', `${c.tokensPerHour / 1e6}M`, millionsOfTokens(f.tokensPerHour)],
      ['revenue an hour at $0.54/M', usd(c.revenueUsdPerHour), `${usd(f.revenueUsdPerHourAllTokens)} on all tokens, ${usd(f.revenueUsdPerHourOutputOnly)} on output only; 10k tokens/s earns ${usd(r.arithmetic.revenueUsdPerHourFromClaim)}, so $38.88 needs ${count(r.arithmetic.claimedRevenueImpliesTokensPerSecond)} tokens/s`],
      ['break-even utilization, $3.99/GPU-hour', pct(c.breakEvenUtilization), `${pct(f.breakEvenUtilizationAllTokens)} if every token earns $0.54/M; ${pct(f.breakEvenUtilizationOutputOnly)} if only output tokens do`],
      ['two-week commitment, 8 GPUs', '', usd(r.arithmetic.rentalCommitmentUsd)],
    ], ['', 'claim', 'model']),
    `Workload assumed: ${r.workload.inputTokens} prompt + ${r.workload.outputTokens} output tokens a request (the claim states none). The claim's 66% matches pricing only output tokens; with input billed too it breaks even far lower.`,
    '',
  ].join('\n');
}
