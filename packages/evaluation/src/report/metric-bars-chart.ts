/** Horizontal bars of the [0, 1]-bounded metrics with their 95 % bootstrap intervals as whiskers. */
import type { MetricSummary } from '../aggregate.js';
import { fmt, line, scale, svgDocument, text } from './svg.js';

export function metricBarsChart(metrics: readonly MetricSummary[]): string {
  const shown = metrics.filter((m) => m.range[0] === 0 && m.range[1] === 1 && m.estimate !== null);
  const W = 640;
  const rowH = 28;
  const T = 40;
  const L = 220;
  const R = 60;
  const H = T + rowH * shown.length + 40;
  const x = scale(0, 1, L, W - R);
  const body: string[] = [];
  shown.forEach((m, i) => {
    const yc = T + rowH * i + rowH / 2;
    body.push(text(L - 8, yc + 4, m.label, 'end'));
    body.push(`<rect x="${fmt(x(0))}" y="${fmt(yc - 8)}" width="${fmt(x(m.estimate!) - x(0))}" height="16" fill="${m.better === 'lower' ? '#fdae6b' : '#74c476'}"/>`);
    const [lo, hi] = m.ci95;
    if (lo !== null && hi !== null) {
      body.push(line(x(lo), yc, x(hi), yc, '#000'), line(x(lo), yc - 6, x(lo), yc + 6, '#000'), line(x(hi), yc - 6, x(hi), yc + 6, '#000'));
    }
    body.push(text(W - R + 6, yc + 4, `${m.estimate!.toFixed(3)}${m.grade ? ` ${m.grade}` : ''}`, 'start'));
  });
  const axisY = T + rowH * shown.length + 4;
  body.push(line(x(0), axisY, x(1), axisY));
  for (let k = 0; k <= 10; k += 2) body.push(text(x(k / 10), axisY + 16, fmt(k / 10)));
  body.push(text((L + W - R) / 2, H - 4, 'green: higher is better; orange: lower is better; whiskers: 95 % bootstrap CI'));
  return svgDocument(W, H, 'Bounded metrics with 95 % intervals', body);
}
