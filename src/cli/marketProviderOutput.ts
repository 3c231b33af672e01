import type { ProviderCosts } from '../core/market/providerCosts.js';
import { table } from './format.js';
import { params, percent, usd as formatUsd, USD_STYLES } from '../format/numbers.js';

const usd = (x: number) => formatUsd(x, USD_STYLES.marketFine);

/** `market --provider` as JSON: the provider, its hardware and source, the assumptions, and per model price, cost and margin. */
export function providerJson(r: ProviderCosts) {
  return {
    provider: { id: r.provider.id, name: r.provider.name, kind: r.provider.kind },
    accelerator: r.accelerator,
    hardwareSource: r.hardwareSource,
    assumptions: r.assumptions,
    models: r.models,
  };
}

/** `market --provider` as text: one row per model, then how each was costed. */
export function renderProvider(r: ProviderCosts): string {
  const rows = r.models.map((m) => [
    m.model, params(m.totalParams), params(m.activeParams), `${usd(m.price.inputUsdPerMillion)}/${usd(m.price.outputUsdPerMillion)}`, usd(m.price.blendedUsdPerMillion), m.price.date,
    m.costUsdPerMillion === null ? '-' : `${usd(m.costUsdPerMillion.mid)} (${usd(m.costUsdPerMillion.low)}–${usd(m.costUsdPerMillion.high)})`,
    m.margin === null ? '-' : `${percent(m.margin.mid)} (${percent(m.margin.low)} to ${percent(m.margin.high)})`,
    m.sram === null ? (m.gpu === null ? '' : `${m.gpu.gpus} ${r.accelerator}`) : `${m.sram.low.chips}–${m.sram.high.chips}`,
    m.verdict,
  ]);
  const s = r.models.find((m) => m.sram !== null)?.sram;
  const a = r.assumptions;
  const how = s !== undefined && s !== null && 'contextTokens' in a
    ? [
      `Costed with the SRAM serving model (src/core/sram): ${s.notes.join('; ')}.`,
      `Assumptions (low-cost / high-cost ends; central = geometric mean): utilization ${a.utilization}, context ${a.contextTokens.join('/')} tokens a sequence, compute efficiency ${a.computeEfficiency.join('/')}, memory efficiency ${a.memoryEfficiency.join('/')}, paid off over ${a.years.join('/')} years at ${a.ratePerYear * 100}%, power $${a.usdPerKwh.join('/')} per kWh × PUE ${a.pue}; capex, watts and bytes a weight per chip from src/core/catalog/sramAccelerators.json.`,
      'Per-user speed: the vendor\'s published speed on its nearest published model; KV per token: each model\'s catalogued architecture, else the nearest catalogued one (each row\'s kvSource says which).',
    ]
    : [`Costed with the physical GPU model on ${r.accelerator} rented at its market median (the reference setup of market), a point estimate; models outside the architecture catalog are not costed.`];
  return [
    `${r.provider.name} (${r.provider.kind}): ${r.models.length} priced open-weight models against the modelled cost on ${r.accelerator}; blended 3:1 input:output, USD per million tokens`,
    `hardware: ${r.hardwareSource}`,
    '',
    table(rows, ['model', 'total', 'active', 'price in/out', 'blended', 'date', 'cost central (range)', 'margin central (range)', 'chips', 'verdict']),
    ...how,
    '',
  ].join('\n');
}
