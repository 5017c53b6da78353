/** The single page: a wealth fan chart with milestones and payments, recommendations, payment and time controls. */
import { PAGE_SCRIPT } from './page-script.js';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 920px; color: #1d2430; }
h1 { font-size: 1.3rem; margin: 0 0 .2rem; }
#who { color: #556; margin-bottom: .8rem; }
svg { border: 1px solid #d6dbe3; background: #fbfcfe; width: 100%; height: auto; }
.band-outer { fill: #bcd3f2; opacity: .7; } .band-inner { fill: #6f9fdc; opacity: .7; }
.median { fill: none; stroke: #17427c; stroke-width: 2; } .history { fill: none; stroke: #222; stroke-width: 2; }
.grid { stroke: #e4e8ee; } .zero { stroke: #c0392b; stroke-dasharray: 3 3; } .now { stroke: #333; stroke-dasharray: 2 4; }
.milestone line { stroke: #8e44ad; stroke-dasharray: 6 4; } .payment { fill: #e67e22; stroke: #fff; stroke-width: 2; }
.axis { font-size: 11px; fill: #556; }
form { display: inline-flex; gap: .4rem; align-items: center; margin: .6rem 1.2rem .6rem 0; }
table { border-collapse: collapse; margin: .5rem 0; } td, th { border-bottom: 1px solid #e4e8ee; padding: .2rem .6rem; text-align: left; }
#status.error { color: #b03a2e; } .facts span { margin-right: 1.2rem; }
`;

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Omega — planning mesh</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Omega planning mesh</h1>
<div id="who">Loading…</div>
<div class="facts"><span>Date: <b id="now">–</b></span><span>Balance: <b id="balance">–</b></span><span>P(wealth &lt; 0 before horizon): <b id="ruin">–</b></span></div>
<svg id="chart" viewBox="0 0 860 380" role="img" aria-label="Wealth fan chart: 5–95 and 25–75 percentile bands, median, milestones and payments"></svg>
<div>
  <form id="pay-form">
    <label>Milestone <select id="milestone"></select></label>
    <label>Amount $ <input id="amount" type="number" min="1" step="1" value="1000" required></label>
    <label>Date <input id="pay-date" type="date"></label>
    <button id="pay-button" type="submit">Make payment</button>
  </form>
  <form id="advance-form">
    <label>Months <input id="months" type="number" min="1" max="120" value="6" required></label>
    <button id="advance-button" type="submit">Advance time</button>
  </form>
</div>
<div id="status" role="status"></div>
<h2>Milestones</h2>
<table><thead><tr><th>id</th><th>kind</th><th>due</th><th>amount</th><th>paid</th><th>P(funded)</th></tr></thead><tbody id="milestones"></tbody></table>
<p>Payments: <span id="payments">none yet</span></p>
<h2>Recommendations</h2>
<div id="recommendations"></div>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
