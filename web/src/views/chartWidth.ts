/**
 * A chart's width for its host: the host's width, between 300 and `max` px (640 by default), so
 * that on a phone the chart is drawn at the phone's width with full-size labels instead of a
 * desktop chart shrunk to unreadable text. A host not laid out (width 0) gets `max`.
 */
export function chartWidth(host: HTMLElement, max = 640): number {
  const w = host.clientWidth;
  return w > 0 ? Math.max(300, Math.min(max, Math.floor(w))) : max;
}
