/** Wealth fan chart: 5–95 % and 25–75 % bands and the median, once a year. */
import { fmt, line, scale, svgDocument, text } from './svg.js';

/** `fan[year] = [p5, p25, p50, p75, p95]` in dollars. */
export function wealthFanChart(fan: readonly (readonly number[])[], title: string): string {
  const W = 640;
  const H = 360;
  const L = 80;
  const R = 20;
  const T = 40;
  const B = 50;
  const years = Math.max(1, fan.length - 1);
  const values = fan.flat();
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const x = scale(0, years, L, W - R);
  const y = scale(lo, hi, H - B, T);
  const band = (a: number, b: number, fill: string) => {
    const top = fan.map((r, t) => `${fmt(x(t))},${fmt(y(r[b]!))}`);
    const bottom = fan.map((r, t) => `${fmt(x(t))},${fmt(y(r[a]!))}`).reverse();
    return `<polygon points="${[...top, ...bottom].join(' ')}" fill="${fill}" stroke="none"/>`;
  };
  const body: string[] = [];
  if (fan.length > 0) {
    body.push(band(0, 4, '#c6dbef'), band(1, 3, '#6baed6'));
    body.push(`<polyline points="${fan.map((r, t) => `${fmt(x(t))},${fmt(y(r[2]!))}`).join(' ')}" fill="none" stroke="#08306b" stroke-width="2"/>`);
  }
  body.push(line(L, y(0), W - R, y(0), '#444'), line(L, H - B, L, T));
  for (let t = 0; t <= years; t++) body.push(text(x(t), H - B + 16, String(t)));
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    body.push(text(L - 6, y(v) + 4, `$${Math.round(v / 1000).toLocaleString('en-US')}k`, 'end'));
  }
  body.push(text((L + W - R) / 2, H - 12, 'years from asOf; bands 5–95 % and 25–75 %, line = median'));
  return svgDocument(W, H, title, body);
}
