import type { ResolvedOption } from '../scenario/index.js';
import { TOKEN_KINDS, type PerTokenKind } from '../tokenKinds.js';
import { INPUT_SPECS, type InputValues, type UncertainInputName } from './inputs.js';
import { physicsAt, type PhysicsPoint } from './physicsAt.js';

/** One axis of the grid: a physics input and the values the physics ran at, ascending. */
export interface SurrogateDimension {
  readonly name: UncertainInputName;
  readonly scale: 'log' | 'linear';
  readonly nodes: readonly number[];
}

/** One grid node: where the physics ran and what it gave. */
export interface GridNode {
  readonly point: PhysicsPoint;
  readonly seconds: PerTokenKind;
  readonly meetsLatencyTarget: boolean;
  /** GPUs of the deployment at this node (chosen per node when the base's count is `auto`). */
  readonly gpus: number;
}

/**
 * GPU-seconds per token anywhere in the box the physics inputs vary over, interpolated from a grid
 * of direct physics runs. With no physics input varying, the grid is the one base point.
 */
export interface Surrogate {
  readonly dimensions: readonly SurrogateDimension[];
  /** Row-major, the last dimension fastest. */
  readonly nodes: readonly GridNode[];
  /** Whether the model is `syntheticMoe` of the point's size (a size input is given) or the base model. */
  readonly synthetic: boolean;
  secondsAt(values: Readonly<InputValues>): PerTokenKind;
}

/** A physics input that varies, over [low, high]. */
export interface VaryingRange {
  readonly name: UncertainInputName;
  readonly low: number;
  readonly high: number;
}

/**
 * `count` values from `low` to `high`, evenly spaced in the input's scale (by ratio for sizes and
 * token counts, by difference for the hit rate); token counts rounded, repeats dropped.
 * Example: `gridNodes('totalParams', 1e12, 4e12, 3)` → [1e12, 2e12, 4e12].
 */
export function gridNodes(name: UncertainInputName, low: number, high: number, count: number): number[] {
  const { scale, integer } = INPUT_SPECS[name];
  const t = (x: number) => (scale === 'log' ? Math.log(x) : x);
  const nodes: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = i === 0 ? low : i === count - 1 ? high : scale === 'log' ? Math.exp(t(low) + ((t(high) - t(low)) * i) / (count - 1)) : low + ((high - low) * i) / (count - 1);
    const x = integer ? Math.round(at) : at;
    if (nodes.at(-1) !== x) nodes.push(x);
  }
  return nodes;
}

/**
 * Builds the surrogate: runs the physics (`physicsAt`) at every node of the grid `ranges[0] × ...`
 * (`pointsPerDimension` nodes each, see `gridNodes`), the other physics inputs at `fixed`.
 *
 * Between nodes each of the three GPU-seconds per token is interpolated multilinearly in the
 * logarithm of the seconds against the inputs' scales (log of size and token counts, the hit rate
 * as is): log-linear, since cost grows as a power of model size. A component that is zero at some
 * node is interpolated linearly instead. At a node the result is that node's run, exactly; beyond
 * the grid (the far tails of a normal or lognormal input) the edge cells extrapolate.
 * The physics has steps (layouts, batch sizes, whole experts), so between nodes the surrogate is a
 * smoothed version of it: see `checkSurrogate` for how far apart they are.
 * @throws InputError when the model at some node does not fit the GPUs
 */
export function buildSurrogate(base: ResolvedOption, fixed: PhysicsPoint, ranges: readonly VaryingRange[], pointsPerDimension: number, synthetic: boolean): Surrogate {
  const dimensions: SurrogateDimension[] = ranges.map((r) => ({ name: r.name, scale: INPUT_SPECS[r.name].scale, nodes: gridNodes(r.name, r.low, r.high, pointsPerDimension) }));
  const sizes = dimensions.map((d) => d.nodes.length);
  const strides = sizes.map((_, k) => sizes.slice(k + 1).reduce((a, b) => a * b, 1));
  const total = sizes.reduce((a, b) => a * b, 1);
  const nodes: GridNode[] = [];
  for (let index = 0; index < total; index++) {
    const point: Record<string, number> = { ...fixed };
    dimensions.forEach((d, k) => (point[d.name] = d.nodes[Math.floor(index / (strides[k] ?? 1)) % (sizes[k] ?? 1)] ?? Number.NaN));
    const p = point as unknown as PhysicsPoint;
    nodes.push({ point: p, ...physicsAt(base, p, synthetic) });
  }
  const useLog = TOKEN_KINDS.map((c) => nodes.every((n) => n.seconds[c] > 0));
  const table = TOKEN_KINDS.map((c, j) => Float64Array.from(nodes, (n) => (useLog[j] ? Math.log(n.seconds[c]) : n.seconds[c])));
  const coords = dimensions.map((d) => d.nodes.map((x) => (d.scale === 'log' ? Math.log(x) : x)));
  const corners = 2 ** dimensions.length;
  const cell = new Int32Array(dimensions.length);
  const frac = new Float64Array(dimensions.length);

  const secondsAt = (values: Readonly<InputValues>): PerTokenKind => {
    for (let k = 0; k < dimensions.length; k++) {
      const d = dimensions[k] as SurrogateDimension;
      const c = coords[k] as number[];
      const t = d.scale === 'log' ? Math.log(values[d.name]) : values[d.name];
      let i = 0;
      while (i < c.length - 2 && t >= (c[i + 1] as number)) i++;
      cell[k] = i;
      frac[k] = c.length === 1 ? 0 : (t - (c[i] as number)) / ((c[i + 1] as number) - (c[i] as number));
    }
    const sum = [0, 0, 0];
    let used = 0;
    let last = 0;
    let lastWeight = 0;
    for (let m = 0; m < corners; m++) {
      let w = 1;
      let index = 0;
      for (let k = 0; k < dimensions.length; k++) {
        const up = (m >> k) & 1;
        const f = frac[k] as number;
        w *= up === 1 ? f : 1 - f;
        index += ((cell[k] as number) + up) * (strides[k] as number);
      }
      if (w === 0) continue;
      used++;
      last = index;
      lastWeight = w;
      for (let j = 0; j < 3; j++) sum[j] = (sum[j] as number) + w * ((table[j] as Float64Array)[index] as number);
    }
    // At a node the one run it holds is the answer, bit for bit.
    if (used === 1 && lastWeight === 1) return (nodes[last] as GridNode).seconds;
    const value = (j: number) => (useLog[j] ? Math.exp(sum[j] as number) : (sum[j] as number));
    return { freshInput: value(0), cachedInput: value(1), output: value(2) };
  };
  return { dimensions, nodes, synthetic, secondsAt };
}
