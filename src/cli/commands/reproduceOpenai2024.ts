import { sourceText } from '../../core/money/ownershipDefaults.js';
import type { openai2024 } from '../../core/reproduce/openai2024.js';
import { table } from '../format.js';
import { fixed, percent, signedPercent, usd, USD_STYLES } from '../../format/numbers.js';

type Result = ReturnType<typeof openai2024>;

const billions = (x: number) => usd(x, USD_STYLES.billions);
const pct = (x: number) => signedPercent(x, 0);

/** `reproduce openai-2024` as text: the year at four depths, the checks, every input with its source. */
export function renderOpenai2024(r: Result): string {
  const depthTable = (rows: Result['rows']) => table(rows.map((x) => [x.depth, billions(x.addedCostUsd), billions(x.costUsd), billions(x.profitUsd), pct(x.marginFraction)]),
    ['depth', 'adds', 'cost to date', 'revenue - cost', 'margin']);
  const verdict = (depth: Result['firstLossDepth']) => (depth === null ? 'makes money at every depth' : `loses money from the "${depth}" depth on`);
  const c = r.checks;
  const [low, high] = c.reportedComputeMarginRange;
  return [
    `OpenAI 2024 rebuilt from published figures: revenue ${billions(r.inputs.revenueUsd.value)} against compute, training, research and staff`,
    '',
    depthTable(r.rows),
    `The year ${verdict(r.firstLossDepth)}. Training + research compute = ${fixed(r.researchAndTrainingToInferenceRatio, 2)}x inference compute; research = ${fixed(r.researchToFinalTrainingRatio, 1)}x the final runs.`,
    '',
    'checks (reported, not inputs):',
    table([
      ['loss at the staff depth', billions(c.reportedLossUsd), billions(c.lossUsd), pct(c.lossRelativeError)],
      ['serving margin vs compute margin (The Information)', `${percent(low, 0)} (Jan) to ${percent(high, 0)} (Dec)`, pct(c.servingMarginFraction), ''],
    ], ['', 'reported', 'rebuilt', 'difference']),
    `With The Information's mid-2024 split (inference ${billions(r.projectionSplit.inputs.inferenceComputeUsd.value)}, training ${billions(r.projectionSplit.inputs.trainingComputeUsd.value)}) the year ${verdict(r.projectionSplit.firstLossDepth)}:`,
    depthTable(r.projectionSplit.rows),
    'inputs:',
    table(Object.entries(r.inputs).map(([name, d]) => [`  ${name}`, billions(d.value), sourceText(d)])),
    ...r.caveats.map((x) => `note: ${x}`),
    '',
  ].join('\n');
}
