import type { Accelerator } from '../accelerator/accelerator.js';
import type { HardwareEfficiency } from './efficiency.js';

/**
 * Share of a PCIe link's per-direction rate that NCCL collectives reach among the GPUs of one host
 * with no NVLink, where every ring hop crosses PCIe switches, root ports and, between sockets, the
 * CPUs' interconnect: 8 PCIe 5.0 GPUs on two Xeon 8480+ sockets reach an all-reduce bus bandwidth of
 * 28 GB/s of the link's 64 GB/s (0.44), 4 of them 35 GB/s (0.55), and NCCL's maintainer answers that
 * "on PCI systems, the performance you get is usually determined by the bandwidth your CPU and
 * memory can deliver" (NVIDIA/nccl issue #1639, 2025-03-14). Taken for every card whose peers are
 * reached over PCIe (the catalog's L40S: no NVLink, no NIC of its own), groups of up to 4 at the
 * 4-GPU figure, larger ones at the 8-GPU one. One host's measurement, so a guess for others.
 */
export const PCIE_COLLECTIVE_EFFICIENCY = { upToFourGpus: 0.55, moreGpus: 0.44 } as const;

/**
 * Achieved rate between GPUs of different scale-up domains, for a collective over `groupSize` GPUs
 * (2: point to point). A card with no published NIC (an L40S or other PCIe card) reaches its peers
 * over the host's PCIe, its scale-up figure in the catalog, at {@link PCIE_COLLECTIVE_EFFICIENCY},
 * not over a network card.
 */
export function scaleOutBandwidth(gpu: Accelerator, eff: HardwareEfficiency, groupSize = 2): number {
  if (gpu.scaleOutBandwidthBytesPerSecond !== null) return gpu.scaleOutBandwidthBytesPerSecond * eff.scaleOutLink;
  const share = groupSize <= 4 ? PCIE_COLLECTIVE_EFFICIENCY.upToFourGpus : PCIE_COLLECTIVE_EFFICIENCY.moreGpus;
  return gpu.scaleUpBandwidthBytesPerSecondPerDirection * share;
}

/** Achieved bandwidth of the slowest link a collective over `groupSize` GPUs crosses. */
function groupBandwidth(gpu: Accelerator, eff: HardwareEfficiency, groupSize: number): number {
  if (groupSize <= gpu.scaleUpDomainSize) return gpu.scaleUpBandwidthBytesPerSecondPerDirection * eff.scaleUpLink;
  return scaleOutBandwidth(gpu, eff, groupSize);
}

/**
 * Seconds of one ring all-reduce of `bytes` per GPU over `groupSize` GPUs: each GPU sends
 * `2(n−1)/n × bytes` (reduce-scatter then all-gather) plus one fixed collective latency.
 * Groups larger than one scale-up domain are limited by the scale-out NIC.
 * Example: 1 MB over 8 H100 at 80% of 450 GB/s: 10 µs + 1.75 MB / 360 GB/s ≈ 14.9 µs.
 */
export function allReduceSeconds(gpu: Accelerator, eff: HardwareEfficiency, groupSize: number, bytes: number): number {
  if (groupSize <= 1 || bytes <= 0) return 0;
  return collectiveLatency(gpu, eff, groupSize) + ((2 * (groupSize - 1)) / groupSize) * bytes / groupBandwidth(gpu, eff, groupSize);
}

/**
 * Fixed latency of a collective over `groupSize` GPUs: the family's figure for a group of 8 (NCCL's
 * tree and NVLS algorithms take about log2(n) steps), doubled once it leaves the scale-up domain.
 */
export function collectiveLatency(gpu: Accelerator, eff: HardwareEfficiency, groupSize: number): number {
  const steps = Math.max(1, Math.log2(groupSize) / 3);
  return eff.collectiveLatencySeconds * steps * (groupSize > gpu.scaleUpDomainSize ? 2 : 1);
}

/**
 * How DeepEP moves an expert-parallel all-to-all. `normal` (prefill and mixed steps): a token
 * crosses the NIC once per remote scale-up domain it needs and fans out over the links on arrival
 * (NVLink forwarding). `low-latency` (decode steps): pure RDMA, one message per remote expert copy,
 * no forwarding (DeepEP README, legacy V1 kernels: "low-latency kernels with pure RDMA").
 */
export type AllToAllMode = 'normal' | 'low-latency';

/**
 * Seconds of one expert-parallel all-to-all (dispatch or combine) over `groupSize` GPUs, where each
 * GPU sends `tokensPerGpu` tokens to `copiesPerToken` experts each, `bytesPerCopy` per copy, as
 * DeepEP does it: inside a scale-up domain every copy goes over its links; across domains the
 * normal kernels send a token over the NIC once per remote domain it needs (the expected number of
 * distinct domains k uniform picks hit), the low-latency kernels once per remote copy. Links and
 * NIC work at once.
 * Example: EP 72 over nodes of 8, top-8: 4.9 remote nodes a token (normal) or 7.1 remote copies (low-latency).
 * DeepEP's published low-latency figures (H800, CX7 400 Gb/s, 128 tokens, top-8, EP 128): dispatch
 * 192 µs and combine 369 µs, i.e. 7.1 MB and 13.8 MB of remote copies at about 37-39 GB/s.
 */
export function allToAllSeconds(
  gpu: Accelerator,
  eff: HardwareEfficiency,
  groupSize: number,
  tokensPerGpu: number,
  copiesPerToken: number,
  bytesPerCopy: number,
  mode: AllToAllMode = 'normal',
): number {
  if (groupSize <= 1 || tokensPerGpu <= 0) return 0;
  const link = gpu.scaleUpBandwidthBytesPerSecondPerDirection * eff.scaleUpLink;
  const domain = Math.min(gpu.scaleUpDomainSize, groupSize);
  const domains = Math.ceil(groupSize / domain);
  if (domains === 1) {
    const bytes = tokensPerGpu * copiesPerToken * bytesPerCopy * ((groupSize - 1) / groupSize);
    return collectiveLatency(gpu, eff, groupSize) + bytes / link;
  }
  const nic = scaleOutBandwidth(gpu, eff, groupSize);
  const localBytes = tokensPerGpu * copiesPerToken * bytesPerCopy * ((domain - 1) / groupSize);
  let interBytes: number;
  let intraBytes: number;
  if (mode === 'low-latency') {
    interBytes = tokensPerGpu * copiesPerToken * bytesPerCopy * ((groupSize - domain) / groupSize);
    intraBytes = localBytes;
  } else {
    const domainsHit = domains * (1 - Math.pow(1 - 1 / domains, copiesPerToken));
    interBytes = tokensPerGpu * domainsHit * ((domains - 1) / domains) * bytesPerCopy;
    intraBytes = localBytes + interBytes;
  }
  // Across domains every rank waits on RDMA peers in log2(domains) rounds of signalling.
  const latency = collectiveLatency(gpu, eff, domain) + eff.scaleOutLatencySeconds * Math.max(1, Math.log2(domains));
  return latency + Math.max(intraBytes / link, interBytes / nic);
}

/**
 * Share of a GPU's streaming multiprocessors that expert-parallel all-to-all kernels hold while
 * they run beside compute in steps that carry prompt tokens (DeepEP's normal, NVLink-forwarding
 * kernels: `num_sms = 20` by default in deep_ep Buffer, of the 132 SMs of an H800/H100 SXM; the
 * DeepSeek-V3 report, §3.2.2, sizes its all-to-all at 20 SMs). Decode steps use DeepEP's
 * low-latency kernels, which free every SM once their RDMA messages are issued (deepseek-ai/
 * profile-data README, 2025-02-27), so they hold none. Taken for every accelerator: the SM counts
 * of others differ by a few percent (B200 148), which this figure does not resolve.
 */
export const PREFILL_ALL_TO_ALL_SM_SHARE = 20 / 132;

/** Seconds to pass `bytes` of activations from one pipeline stage to the next. */
export function pipelineHandOffSeconds(gpu: Accelerator, eff: HardwareEfficiency, crossesNodes: boolean, bytes: number): number {
  if (bytes <= 0) return 0;
  const bw = crossesNodes ? scaleOutBandwidth(gpu, eff) : gpu.scaleUpBandwidthBytesPerSecondPerDirection * eff.scaleUpLink;
  return eff.collectiveLatencySeconds + bytes / bw;
}
