import fc from 'fast-check';

/**
 * Generated CLI calls: every command with valid, invalid and extreme-but-legal inputs, as a new
 * user or a script might type them. A call names the files it needs (scenario, trace, saved
 * responses) by name; `{dir}` in argv is the folder they are written to.
 */
export interface GeneratedCall {
  readonly argv: readonly string[];
  /** File name → text, written under `{dir}` before the call. */
  readonly files: Readonly<Record<string, string>>;
  /** True when some input is outside what the command accepts: the call must exit 2. */
  readonly invalid: boolean;
}

/** How heavy the generated work may be: `ci` keeps every call well under a second. */
export type Scale = 'ci' | 'large';

/** A value for a field, tagged valid (inside its documented range) or invalid. */
interface Tagged {
  readonly value: unknown;
  readonly invalid: boolean;
}
const ok = (value: unknown): Tagged => ({ value, invalid: false });
const bad = (value: unknown): Tagged => ({ value, invalid: true });

/** A numeric field: a valid pool (extremes included) and an invalid pool (out of range, wrong type, not finite). */
function numberField(valid: fc.Arbitrary<number>, extremes: readonly number[], invalids: readonly unknown[]): fc.Arbitrary<Tagged> {
  return fc.oneof(
    { weight: 14, arbitrary: valid.map(ok) },
    { weight: 2, arbitrary: fc.constantFrom(...extremes).map(ok) },
    { weight: 2, arbitrary: fc.constantFrom(...invalids).map(bad) },
  );
}

/** Text that a user might paste where a number belongs. */
const junk: readonly unknown[] = [Number.POSITIVE_INFINITY, Number.NaN, '', 'abc', '1,5', '0x10', 'NaN', 'Infinity', '-Infinity', '1e400', '\u001b]0;title\u0007', 'x'.repeat(3000), null, true, [], {}];

const SMALL_MODELS = ['llama-3.1-8b', 'llama-3-8b', 'mixtral-8x7b', 'gpt-oss-20b', 'qwen3-30b-a3b'] as const;
const MODELS = [...SMALL_MODELS, 'deepseek-v3', 'kimi-k2.5', 'llama-3.3-70b'] as const;
const PRICED = ['llama-3.1-8b', 'mixtral-8x7b', 'gpt-oss-20b', 'deepseek-v3', 'kimi-k2.5', 'llama-3.3-70b'] as const;
const GPUS = ['h100-sxm', 'h200', 'b200', 'mi300x', 'a100-80gb'] as const;

const model = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...MODELS).map(ok) }, { weight: 1, arbitrary: fc.constantFrom('kimi-k9', '', '../../etc/passwd', 'x\u001b[2J').map(bad) });
const gpu = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...GPUS).map(ok) }, { weight: 1, arbitrary: fc.constantFrom('h9000', '', 'H100 SXM!').map(bad) });
const gpuCount = (scale: Scale) => numberField(fc.constantFrom(1, 2, 4, 8, 16), scale === 'ci' ? [1, 8, 32] : [1, 64, 256], [0, -1, 1.5, 131_073, 1e12, ...junk]);
const fraction = numberField(fc.double({ min: 0, max: 1, noNaN: true }), [0, 1, 1e-300], [-0.1, 1.0001, 2, ...junk]);
const utilization = numberField(fc.double({ min: 0.01, max: 1, noNaN: true }), [1, 1e-9], [0, -1, 1.5, ...junk]);
const price = numberField(fc.double({ min: 0, max: 100, noNaN: true }), [0, 1e-300, 1e6], [-1, 1e6 + 1, 1e308, ...junk]);
const tokens = (max: number, scale: Scale) => numberField(fc.integer({ min: 1, max: 20_000 }), scale === 'ci' ? [1, 100_000] : [1, max], [0, -5, 2.5, max + 1, 1e300, ...junk]);

/** A scenario option as YAML-ready data, and whether it is invalid. */
function optionArb(scale: Scale) {
  const costBasis = fc.oneof(
    fc.record({ kind: fc.constant('rented'), priceUsdPerGpuHour: numberField(fc.double({ min: 0.01, max: 50, noNaN: true }), [1e-9, 10_000], [0, -2, 1e5, ...junk]) }),
    fc.record({ kind: fc.constant('owned'), capexUsdPerGpu: numberField(fc.double({ min: 1, max: 1e6, noNaN: true }), [1e7], [0, 1e308, ...junk]), pue: numberField(fc.double({ min: 1, max: 2, noNaN: true }), [1, 10], [0.5, 11, ...junk]) }),
    fc.record({ kind: fc.constant('marginal'), electricityUsdPerKwh: numberField(fc.double({ min: 0, max: 1, noNaN: true }), [0, 100], [-1, 101, ...junk]) }),
  ).map(({ kind, ...fields }) => {
    const entries = Object.entries(fields) as [string, Tagged][];
    return { value: { kind, ...Object.fromEntries(entries.map(([k, t]) => [k, t.value])) }, invalid: entries.some(([, t]) => t.invalid) };
  });
  const prices = fc.oneof(
    { weight: 5, arbitrary: fc.record({ inputUsdPerMillion: price, outputUsdPerMillion: price }).map((p) => ({ value: { inputUsdPerMillion: p.inputUsdPerMillion.value, outputUsdPerMillion: p.outputUsdPerMillion.value }, invalid: p.inputUsdPerMillion.invalid || p.outputUsdPerMillion.invalid })) },
    { weight: 4, arbitrary: fc.constantFrom(...PRICED).map((m) => ok({ market: m })) },
    { weight: 1, arbitrary: fc.constant(bad({ market: '' })) },
  );
  return fc.record({
    model: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...PRICED).map(ok) }, { weight: 1, arbitrary: model }),
    gpu, gpus: gpuCount(scale),
    utilization: fc.option(utilization, { nil: undefined }),
    prices, costBasis: fc.option(costBasis, { nil: undefined }),
    workload: fc.option(fc.record({ inputTokens: tokens(10_000_000, scale), outputTokens: tokens(1_000_000, scale), prefixCacheHitRate: fraction }), { nil: undefined }),
    extra: fc.oneof({ weight: 9, arbitrary: fc.constant(ok(undefined)) }, { weight: 1, arbitrary: fc.constantFrom(bad({ colour: 'red' }), bad({ layout: { tp: 3, ep: 5 } }), ok({ layout: 'best' }), ok({ latencyTarget: { minTokensPerSecondPerUser: 1e5, maxTtftSeconds: 86_400 } })) }),
  }).map((o) => {
    const parts: Tagged[] = [o.model, o.gpu, o.gpus, o.prices, o.extra, ...(o.utilization ? [o.utilization] : []), ...(o.costBasis ? [o.costBasis] : [])];
    const w = o.workload;
    if (w) parts.push(w.inputTokens, w.outputTokens, w.prefixCacheHitRate);
    const value = {
      model: o.model.value, gpu: o.gpu.value, gpus: o.gpus.value, prices: o.prices.value,
      ...(o.utilization && { utilization: o.utilization.value }),
      ...(o.costBasis && { costBasis: o.costBasis.value }),
      ...(w && { workload: { inputTokens: w.inputTokens.value, outputTokens: w.outputTokens.value, prefixCacheHitRate: w.prefixCacheHitRate.value } }),
      ...(o.extra.value as object | undefined),
    };
    return { value, invalid: parts.some((p) => p.invalid) };
  });
}

/** A scenario file, as JSON or YAML text (YAML spells non-finite numbers `.inf`, `.nan`). */
function scenarioText(options: readonly unknown[], yaml: boolean): string {
  const json = JSON.stringify({ options }, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? `__${String(x)}__` : x));
  const text = json.replace(/"__(-?Infinity|NaN)__"/g, (_m, x: string) => (yaml ? (x === 'NaN' ? '.nan' : x === 'Infinity' ? '.inf' : '-.inf') : 'null'));
  return yaml ? `# generated\n${text}\n` : text;
}

const reportCall = (scale: Scale) => fc.tuple(fc.array(optionArb(scale), { minLength: 1, maxLength: scale === 'ci' ? 1 : 3 }), fc.boolean(), fc.boolean()).map(([options, yaml, json]): GeneratedCall => ({
  argv: ['report', '{dir}/s.yaml', ...(json ? ['--json'] : [])],
  files: { 's.yaml': scenarioText(options.map((o) => o.value), yaml) },
  invalid: options.some((o) => o.invalid),
}));

/** Demand small enough for CI, or up to the limits for the large run. */
const simulateCall = (scale: Scale) => fc.tuple(
  numberField(fc.double({ min: 0.01, max: scale === 'ci' ? 2 : 50, noNaN: true }), [1e-7, scale === 'ci' ? 3 : 100], [0, -1, 1e308, ...junk]),
  numberField(fc.double({ min: 0.05, max: scale === 'ci' ? 0.5 : 6, noNaN: true }), [0.01], [0, 673, -1, ...junk]),
  fc.option(numberField(fc.double({ min: 0, max: 3, noNaN: true }), [0, 100], [101, 1e308, ...junk]), { nil: undefined }),
  fc.option(fc.constantFrom(ok({ kind: 'fixed', instances: 2 }), ok({ kind: 'autoscale', minInstances: 1 }), bad({ kind: 'fixed', instances: 1e9 }), bad({ kind: 'elastic' })), { nil: undefined }),
  fc.option(fc.constantFrom(ok({ rateFactor: 2, meanDurationSeconds: 5, shareOfTime: 0.1 }), bad({ rateFactor: 2, meanDurationSeconds: 1e-300, shareOfTime: 0.1 })), { nil: undefined }),
  fc.constantFrom(ok(undefined), ok('t.csv'), bad('missing.csv')),
  // A trace with one bad row among good ones runs (the row is reported with its line and skipped);
  // one with no good row is refused.
  fc.constantFrom(ok('0,500,50\n1,800,100\n'), ok('0,500,50\n1e300,5,5\n'), bad('\u001b]0;pwned\u0007,1,1\n'), bad('')),
).map(([rps, hours, weekend, fleet, burst, trace, traceText]): GeneratedCall => {
  const usesTrace = trace.value !== undefined;
  const demand = {
    requestsPerSecond: rps.value, durationHours: hours.value,
    ...(weekend && { weekendMultiplier: weekend.value }), ...(fleet && { fleet: fleet.value }), ...(burst && { burst: burst.value }),
    ...(usesTrace && { trace: trace.value }), maxRequests: scale === 'ci' ? 3000 : 200_000,
  };
  const option = { model: 'llama-3.1-8b', gpu: 'h100-sxm', gpus: 1, prices: { market: 'llama-3.1-8b' }, demand };
  return {
    argv: ['simulate', '{dir}/sim.yaml', '--json'],
    files: { 'sim.yaml': scenarioText([option], true), 't.csv': `arrival_seconds,input_tokens,output_tokens\n${String(traceText.value)}` },
    invalid: [rps, hours, weekend, fleet, burst, trace].some((t) => t?.invalid === true) || (usesTrace && trace.value === 't.csv' && traceText.invalid),
  };
});

/** A flag's value as text: numbers as a user types them, junk as is. */
const flagText = (t: Tagged): string => (typeof t.value === 'string' ? t.value : typeof t.value === 'number' ? String(t.value) : JSON.stringify(t.value) ?? '');

/** `--flag value` pairs; a value that is not a string or a number (null, [], {}) is typed as its JSON. */
function flags(pairs: readonly (readonly [string, Tagged | undefined])[]): { argv: string[]; invalid: boolean } {
  const present = pairs.filter((p): p is readonly [string, Tagged] => p[1] !== undefined);
  return { argv: present.flatMap(([f, t]) => [f, flagText(t)]), invalid: present.some(([, t]) => t.invalid) };
}

const placementCall = (scale: Scale) => fc.tuple(
  fc.constantFrom('fit', 'perf', 'frontier'), model, gpu, gpuCount(scale),
  // --tp equal to --gpus (one instance), or a bad degree.
  fc.option(fc.oneof({ weight: 4, arbitrary: fc.constant(ok('same')) }, { weight: 1, arbitrary: fc.constantFrom(0, -2, 131_073, ...junk).map(bad) }), { nil: undefined }),
  fc.option(tokens(10_000_000, scale), { nil: undefined }),
  fc.option(numberField(fc.integer({ min: 0, max: 4 }), [0, 16], [17, 100_000, 1e12, -1, ...junk]), { nil: undefined }),
).map(([command, m, g, n, tp, input, speculative]): GeneratedCall => {
  const serving = command !== 'fit';
  const tpFlag = command === 'frontier' || tp === undefined ? undefined : tp.value === 'same' ? n : tp;
  const f = flags([['--model', m], ['--gpu', g], ['--gpus', n], ['--tp', tpFlag], ...(serving ? [['--input-tokens', input] as const, ['--speculative-tokens', speculative] as const] : [])]);
  return { argv: [command, ...f.argv, '--json'], files: {}, invalid: f.invalid };
});

const labCall = fc.tuple(
  fc.option(numberField(fc.double({ min: 0, max: 10, noNaN: true }), [0, 100], [-1, 101, 1e308, ...junk]), { nil: undefined }),
  fc.option(numberField(fc.double({ min: 1, max: 60, noNaN: true }), [600], [0, 601, ...junk]), { nil: undefined }),
  fc.option(numberField(fc.double({ min: 0, max: 1e14, noNaN: true }), [1e18], [-1, 1e19, ...junk]), { nil: undefined }),
  fc.option(numberField(fc.double({ min: 0, max: 100, noNaN: true }), [0, 1e6], [-1, 1e7, ...junk]), { nil: undefined }),
  fc.option(fraction, { nil: undefined }),
).map(([research, months, outputTokens, seat, apiShare]): GeneratedCall => {
  const f = flags([['--research-multiple', research], ['--lifetime-months', months], ['--output-tokens-per-month', outputTokens], ['--subscription-usd-per-month', seat], ['--api-share', apiShare]]);
  return { argv: ['lab', ...f.argv, '--json'], files: {}, invalid: f.invalid };
});

const subscriptionCall = (scale: Scale) => fc.tuple(
  numberField(fc.integer({ min: 1, max: scale === 'ci' ? 300 : 20_000 }), [1], [0, -3, 10_000_001, 1e12, ...junk]),
  fc.option(fraction, { nil: undefined }),
  fc.option(numberField(fc.double({ min: 0, max: 3, noNaN: true }), [0, 10], [11, -1, ...junk]), { nil: undefined }),
  fc.option(fc.constantFrom(ok('claude-pro'), ok('chatgpt-plus'), bad('claude-infinite')), { nil: undefined }),
).map(([samples, idle, sigma, plan]): GeneratedCall => {
  const f = flags([['--samples', samples], ['--idle-share', idle], ['--sigma', sigma], ['--plan', plan]]);
  return { argv: ['subscription', ...f.argv, '--json'], files: {}, invalid: f.invalid };
});

const marketCall = fc.tuple(
  fc.option(fc.constantFrom(ok('1e12,5e12'), ok('2e9,1e14'), bad('1,2'), bad('5e12,1e12'), bad('abc'), bad('1e300,1e301')), { nil: undefined }),
  fc.option(fc.constantFrom(ok('30e9,150e9'), ok('2e9,2e11'), bad('1,2'), bad('1e12,2e12'), bad('')), { nil: undefined }),
  fc.option(utilization, { nil: undefined }),
).map(([total, active, u]): GeneratedCall => {
  const f = flags([['--total-params', total], ['--active-params', active], ['--utilization', u]]);
  return { argv: ['market', ...f.argv, '--json'], files: {}, invalid: f.invalid };
});

const uncertaintyCall = (scale: Scale) => fc.tuple(
  fc.constantFrom(
    ok({ name: 'utilization', distribution: { kind: 'uniform', low: 0.2, high: 0.9 } }),
    ok({ name: 'outputPriceUsdPerMillion', distribution: { kind: 'loguniform', low: 0.1, high: 1e6 } }),
    ok({ name: 'gpuPriceUsdPerHour', distribution: { kind: 'fixed', value: 1e4 } }),
    bad({ name: 'outputPriceUsdPerMillion', distribution: { kind: 'fixed', value: 1e308 } }),
    bad({ name: 'utilization', distribution: { kind: 'uniform', low: 0.5, high: 1.2 } }),
    bad({ name: 'nonsense', distribution: { kind: 'fixed', value: 1 } }),
  ),
  numberField(fc.integer({ min: 1, max: scale === 'ci' ? 500 : 20_000 }), [1], [0, -1, 1e12, ...junk]),
  fc.constantFrom(ok({ inputUsdPerMillion: 0.2, outputUsdPerMillion: 0.6 }), bad({ inputUsdPerMillion: 0, outputUsdPerMillion: 0 })),
).map(([input, samples, prices]): GeneratedCall => {
  const file = { base: { model: 'llama-3.1-8b', gpu: 'h100-sxm', gpus: 1, prices: prices.value }, uncertain: [input.value] };
  const zeroPricesMatter = prices.invalid && !(input.invalid) && (input.value as { name: string }).name !== 'outputPriceUsdPerMillion';
  return {
    argv: ['uncertainty', '{dir}/u.yaml', '--samples', flagText(samples), '--json'],
    files: { 'u.yaml': JSON.stringify(file) },
    invalid: input.invalid || samples.invalid || zeroPricesMatter,
  };
});

const pricesCall = fc.tuple(
  fc.constantFrom(ok('0.0000006'), ok('0'), ok(0.000001), bad('1e300'), bad('abc'), bad('1e-18'), bad(-5)),
  fc.constantFrom(ok('2026-11-27'), bad('2026-02-30'), bad('yesterday')),
  fc.boolean(),
).map(([prompt, date, strict]): GeneratedCall => {
  const response = { data: [
    { id: 'moonshotai/kimi-k2.5', hugging_face_id: 'moonshotai/Kimi-K2.5', name: 'Kimi', pricing: { prompt: prompt.value, completion: '0.0000025' } },
    { id: 'deepseek/deepseek-chat-v3-0324', hugging_face_id: 'deepseek-ai/DeepSeek-V3-0324', name: 'DeepSeek', pricing: { prompt: '0.0000003', completion: '0.0000009' } },
  ] };
  return {
    argv: ['prices', 'import', '{dir}/models.json', '--date', String(date.value), '--out', '{dir}/out.json', '--force', ...(strict ? ['--strict'] : []), '--json'],
    files: { 'models.json': JSON.stringify(response) },
    // A bad row is a warning (exit 0) unless --strict; a bad date always refuses.
    invalid: date.invalid || (strict && prompt.invalid),
  };
});

const miscCall = fc.constantFrom<GeneratedCall>(
  { argv: ['reproduce', 'deepseek', '--json'], files: {}, invalid: false },
  { argv: ['reproduce', 'mixtral-h100', '--json'], files: {}, invalid: false },
  { argv: ['reproduce', 'nothing'], files: {}, invalid: true },
  { argv: ['prices', 'list', '--model', 'kimi-k2.5', '--json'], files: {}, invalid: false },
  { argv: ['prices', 'list', '--gpu', 'h9000'], files: {}, invalid: true },
  { argv: ['report', '{dir}/binary.yaml'], files: { 'binary.yaml': '\u0000\u0001\u0002'.repeat(900) }, invalid: true },
  { argv: ['report', '{dir}/tags.yaml'], files: { 'tags.yaml': 'options: [ !!python/object { model: x } ]' }, invalid: true },
  { argv: ['report', '{dir}/none.yaml'], files: {}, invalid: true },
  { argv: ['no-such-command'], files: {}, invalid: true },
  { argv: [], files: {}, invalid: true },
  { argv: ['report', '--gpu', 'h100'], files: {}, invalid: true },
);

/**
 * Any command with generated inputs. `ci` weights cheap calls (input errors, small models, few
 * samples); `large` also throws big clusters, long contexts and long simulations at the CLI.
 */
export function generatedCall(scale: Scale): fc.Arbitrary<GeneratedCall> {
  const valid = (a: fc.Arbitrary<GeneratedCall>) => a.filter((c) => !c.invalid);
  return fc.oneof(
    { weight: 4, arbitrary: reportCall(scale) },
    { weight: 4, arbitrary: valid(reportCall(scale)) },
    { weight: 3, arbitrary: placementCall(scale) },
    { weight: 2, arbitrary: valid(placementCall(scale)) },
    { weight: 1, arbitrary: simulateCall(scale) },
    { weight: 1, arbitrary: valid(simulateCall(scale)) },
    { weight: 2, arbitrary: labCall },
    { weight: 2, arbitrary: subscriptionCall(scale) },
    { weight: scale === 'ci' ? 0 : 1, arbitrary: marketCall },
    { weight: 1, arbitrary: uncertaintyCall(scale) },
    { weight: 1, arbitrary: valid(uncertaintyCall(scale)) },
    { weight: 2, arbitrary: pricesCall },
    { weight: 2, arbitrary: miscCall },
  );
}

/** Market calls that are input errors only (the analysis itself takes seconds): for CI. */
export const invalidMarketCall: fc.Arbitrary<GeneratedCall> = marketCall.filter((c) => c.invalid);
