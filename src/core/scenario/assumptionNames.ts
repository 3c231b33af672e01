/**
 * Names of assumptions and inputs in words, for tables and charts a finance reader reads: the
 * scenario's field names (`latencyTarget.maxTtftSeconds`), the cost basis's (`capexUsdPerGpu`)
 * and the uncertain inputs' (`totalParams`).
 */
const NAMES: Readonly<Record<string, string>> = {
  framework: 'Serving framework',
  layout: 'Layout of the accelerators (tensor, pipeline, expert parallel)',
  weightPrecision: 'Weight precision',
  kvPrecision: 'KV-cache precision',
  'workload.inputTokens': 'Input tokens a request',
  'workload.outputTokens': 'Output tokens a request',
  'workload.prefixCacheHitRate': 'Share of input tokens served from the prefix cache',
  'latencyTarget.minTokensPerSecondPerUser': 'Slowest acceptable output speed per user (tokens/s)',
  'latencyTarget.maxTtftSeconds': 'Longest acceptable wait for the first token (s)',
  utilization: 'Utilization: share of paid GPU-hours serving tokens',
  costBasis: 'How a GPU-hour is paid for',
  prices: 'Token prices',
  kind: 'How a GPU-hour is paid for',
  priceUsdPerGpuHour: 'Rental price of a GPU-hour',
  commitment: 'Rental commitment',
  termHours: 'Commitment term',
  minimumGpus: 'Minimum GPUs committed',
  capexUsdPerGpu: 'Purchase price per GPU, with its share of server and network',
  depreciationYears: 'Depreciation period',
  residualValueFraction: 'Resale value at the end',
  costOfCapitalPerYear: 'Cost of capital',
  powerWattsPerGpu: 'Power draw per GPU at full load',
  idlePowerFraction: 'Power draw when idle, share of full load',
  pue: 'Data-centre overhead on power (PUE)',
  electricityUsdPerKwh: 'Electricity price',
  datacenterUsdPerKwMonth: 'Colocation price',
  operationsUsdPerGpuYear: 'Staff, maintenance and software per GPU',
  totalParams: 'Total parameters',
  activeParams: 'Active parameters per token',
  gpuHourUsd: 'Price of a GPU-hour',
  outputPriceUsdPerMillion: 'Output token price',
  hbmEfficiency: 'Achieved share of memory bandwidth',
};

/**
 * The name in words: a known name from the table, else the camelCase or dotted name split into
 * lower-case words with its first letter capitalised ("maxBatchSize" → "Max batch size").
 *
 * @example readableName('latencyTarget.maxTtftSeconds') // 'Longest acceptable wait for the first token (s)'
 */
export function readableName(name: string): string {
  const known = NAMES[name];
  if (known !== undefined) return known;
  const words = name.split('.').at(-1)!.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
