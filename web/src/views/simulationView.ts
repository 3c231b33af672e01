import { fleetChart, latencyChart, toCsv } from '../charts/index.js';
import type { SimulationViewModel } from '../compute/simulationView.js';
import { csvLink, table } from './dom.js';
import { count, fixed, latency, percent, usd as formatUsd, USD_STYLES } from '../../../src/format/numbers.js';

const usd = (x: number) => formatUsd(x, USD_STYLES.bill);
const pct = (x: number) => percent(x, 1);

/** The simulation view: latency percentiles, whether the SLO is met, the fleet over the day, and the bill per way of paying. */
export function renderSimulation(host: HTMLElement, m: SimulationViewModel): void {
  const doc = host.ownerDocument;
  const summary = doc.createElement('p');
  summary.id = 'simulation-summary';
  const slo = m.slo.met ? 'SLO met (p99 TTFT and TPOT within the target)' : `SLO MISSED: ${m.slo.misses.join(', ')}`;
  const trace = m.trace === null ? '' : `Trace ${m.trace.fileName}: ${m.trace.skippedRows} bad rows skipped${m.trace.prefixCache === null ? '' : `, prefix-cache hit rate ${pct(m.trace.prefixCache.hitRate)} from its hash_ids`}. `;
  const search = m.search === null ? '' : ` Smallest fleet meeting the SLO: ${m.search.meetsSlo ? `${m.search.instances} instances` : `none (${m.search.reason ?? ''})`}${m.search.oneFewer === null ? '' : `; ${m.search.oneFewer.instances} ${m.search.oneFewer.meetsSlo ? 'also meet it' : 'miss it'}`}.`;
  summary.textContent = `${trace}${count(m.requests)} requests; ${slo}; SLO attainment ${pct(m.sloAttainment)}; utilization ${pct(m.utilization)}; TTFT p50 ${latency(m.ttftSeconds.p50)}, p99 ${latency(m.ttftSeconds.p99)}; TPOT p50 ${latency(m.tpotSeconds.p50)}; ` +
    `up to ${m.maxInstances} instances of ${m.gpusPerInstance} GPUs (${fixed(m.capacityRequestsPerSecondPerInstance, 2)} requests/s each at the latency target).${search}`;
  host.replaceChildren(
    summary,
    fleetChart(m.hours, { document: doc }),
    latencyChart(m.latency, { document: doc, maxTtftSeconds: m.maxTtftSeconds }),
    table(doc, m.costs.map((c) => [c.basis, usd(c.costUsd), count(c.paidGpuHours), pct(c.utilization), usd(c.costUsdPerMillionInputTokens), usd(c.costUsdPerMillionOutputTokens),
      pct(c.sloAttainment), c.meetsSlo ? 'meets SLO' : 'MISSES SLO']),
    ['paying by', 'cost', 'paid GPU-hours', 'utilization', '$/M input', '$/M output', 'SLO attainment', 'SLO'], 'simulation-costs'),
    csvLink(doc, 'fleet', toCsv(m.hours)),
    csvLink(doc, 'latency', toCsv(m.latency)),
  );
}
