/** Reliability diagram: observed frequency against mean prediction per bin, with the diagonal of perfect calibration. */
import type { CalibrationSummary } from '../metrics/calibration.js';
import { fmt, line, scale, svgDocument, text } from './svg.js';

export function reliabilityChart(cal: CalibrationSummary): string {
  const W = 420;
  const H = 420;
  const L = 60;
  const R = 20;
  const T = 40;
  const B = 60;
  const x = scale(0, 1, L, W - R);
  const y = scale(0, 1, H - B, T);
  const body: string[] = [
    line(x(0), y(0), x(1), y(0)),
    line(x(0), y(0), x(0), y(1)),
    line(x(0), y(0), x(1), y(1), '#999', 'stroke-dasharray="4 4"'),
  ];
  for (let k = 0; k <= 10; k += 2) {
    const v = k / 10;
    body.push(text(x(v), y(0) + 16, fmt(v)), text(x(0) - 8, y(v) + 4, fmt(v), 'end'));
  }
  body.push(text(x(0.5), H - 20, 'mean predicted probability'), text(16, y(0.5), 'observed frequency', 'middle', `transform="rotate(-90 16 ${fmt(y(0.5))})"`));
  const maxCount = Math.max(1, ...cal.bins.map((b) => b.count));
  const points: string[] = [];
  for (const b of cal.bins) {
    if (b.count === 0) continue;
    const cx = x(b.meanPredicted!);
    const cy = y(b.observedFrequency!);
    points.push(`${fmt(cx)},${fmt(cy)}`);
    body.push(`<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(3 + 7 * Math.sqrt(b.count / maxCount))}" fill="#1f77b4" fill-opacity="0.6"><title>${fmt(b.lo)}–${fmt(b.hi)}: n=${b.count}</title></circle>`);
  }
  if (points.length > 1) body.push(`<polyline points="${points.join(' ')}" fill="none" stroke="#1f77b4"/>`);
  const summary = cal.brier === null ? 'no forecasts' : `Brier ${cal.brier.toFixed(4)} (base rate ${cal.baselineBrier!.toFixed(4)}), n=${cal.n}`;
  body.push(text(x(0.5), T - 4, summary));
  return svgDocument(W, H, 'Reliability of milestone-funding probabilities', body);
}
