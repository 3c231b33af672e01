import { rooflineSeconds } from './roofline.js';

/**
 * Running totals of one pipeline stage's share of a step on one of its GPUs. The per-layer cost
 * builders add their kernels, collectives and overheads to it as they cost them, so a step sweep
 * (millions of kernels) allocates nothing per kernel. A class of like layers is costed once with
 * `layers` set to its count: every term added meanwhile stands for that many layers.
 */
export class StageCost {
  /** Σ FLOP / achieved FLOP/s over the kernels. */
  computeSeconds = 0;
  /** Σ bytes / achieved HBM bandwidth over the kernels. */
  memorySeconds = 0;
  /** Σ over kernels of their smooth-roofline time. */
  kernelSeconds = 0;
  flopPerGpu = 0;
  hbmBytesPerGpu = 0;
  /** Collectives nothing hides: tensor-parallel all-reduces and the pipeline hand-off. */
  blockingCollectiveSeconds = 0;
  /** Expert-parallel all-to-alls, which the framework partly overlaps with kernels. */
  expertCollectiveSeconds = 0;
  /** Overheads paid once per layer (an MoE layer's routing and dispatch launches). */
  layerOverheadSeconds = 0;
  /** Layers that the terms being added stand for. */
  layers = 1;

  /** Adds one kernel: its arithmetic at an achieved FLOP/s and its HBM traffic at an achieved bandwidth, each per layer. */
  kernel(flop: number, bytes: number, flopPerSecond: number, bytesPerSecond: number): void {
    const c = flop > 0 ? (this.layers * flop) / flopPerSecond : 0;
    const m = (this.layers * bytes) / bytesPerSecond;
    this.computeSeconds += c;
    this.memorySeconds += m;
    this.kernelSeconds += rooflineSeconds(c, m);
    this.flopPerGpu += this.layers * flop;
    this.hbmBytesPerGpu += this.layers * bytes;
  }

  /** Adds a collective of `seconds` per layer that sits on the critical path. */
  blockingCollective(seconds: number): void {
    this.blockingCollectiveSeconds += this.layers * seconds;
  }

  /** Adds an expert-parallel all-to-all of `seconds` per layer. */
  expertCollective(seconds: number): void {
    this.expertCollectiveSeconds += this.layers * seconds;
  }

  /** Adds an overhead of `seconds` per layer. */
  layerOverhead(seconds: number): void {
    this.layerOverheadSeconds += this.layers * seconds;
  }
}
