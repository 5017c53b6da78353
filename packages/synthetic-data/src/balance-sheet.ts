/**
 * Net worth, home, debts and accounts. Net worth is drawn first (calibrated per age band, below), then the home
 * and debts, and the financial accounts take what is left, so assets − debts equals the drawn net worth and no
 * account is ever negative.
 *
 * Net worth in a band is a mixture: a share `lowShare` of households with little or negative net worth (renters
 * whose savings barely cover, or fall short of, their consumer and student debt), and log-normal wealth for the
 * rest. Both parts are built so that the low group always sits below the band's SCF median; the log-normal's
 * location is then solved in closed form so the band median equals the SCF 2022 median:
 *   P(NW ≤ m) = low + (1 − low)·Φ((ln m − μ)/σ) = ½  ⇒  μ = ln m − σ·Φ⁻¹((½ − low)/(1 − low)).
 * Adjustments made later for consistency (shrinking an over-valued home, lifting accounts to a $100 floor) only
 * move values that are already below the median, so the band medians hold exactly in the population.
 */
import type { AgeBand, Assets, Debt, DebtKind } from './model.js';
import { annuityPaymentCents, dollarsToCents, roundRate } from './money.js';
import { normalQuantile } from './normal.js';
import { CALIBRATION_TARGETS } from './references.js';
import type { Rng } from './random.js';

interface WealthBand {
  lowShare: number;
  sigma: number;
  /** P(own a home) over the whole band. */
  ownShare: number;
  /** P(mortgage | owner). */
  mortgageShare: number;
  /** Range of mortgage balance / home value. */
  ltv: readonly [number, number];
  autoShare: number;
  studentShare: number;
}

const WEALTH: Record<AgeBand, WealthBand> = {
  '<35': { lowShare: 0.2, sigma: 1.5, ownShare: 0.39, mortgageShare: 0.9, ltv: [0.55, 0.92], autoShare: 0.36, studentShare: 0.38 },
  '35-44': { lowShare: 0.12, sigma: 1.4, ownShare: 0.62, mortgageShare: 0.86, ltv: [0.4, 0.85], autoShare: 0.42, studentShare: 0.28 },
  '45-54': { lowShare: 0.1, sigma: 1.35, ownShare: 0.7, mortgageShare: 0.78, ltv: [0.3, 0.75], autoShare: 0.4, studentShare: 0.17 },
  '55-64': { lowShare: 0.08, sigma: 1.35, ownShare: 0.75, mortgageShare: 0.62, ltv: [0.2, 0.62], autoShare: 0.33, studentShare: 0.1 },
  '65-74': { lowShare: 0.06, sigma: 1.3, ownShare: 0.79, mortgageShare: 0.45, ltv: [0.1, 0.5], autoShare: 0.22, studentShare: 0.04 },
  '75+': { lowShare: 0.05, sigma: 1.3, ownShare: 0.78, mortgageShare: 0.25, ltv: [0.08, 0.45], autoShare: 0.1, studentShare: 0.01 },
};

/** Correlation between the income and the wealth draws. */
const INCOME_WEALTH_RHO = 0.55;
/** How strongly home ownership follows the wealth draw (probit slope). */
const OWN_SLOPE = 1.2;
/** Financial accounts never hold less than this in total, dollars. */
const MIN_FINANCIAL_DOLLARS = 100;
/** Upper cap on drawn net worth, dollars (keeps the far tail finite; far above every median). */
const MAX_NET_WORTH_DOLLARS = 250_000_000;

function logLocation(band: AgeBand): number {
  const w = WEALTH[band];
  const median = CALIBRATION_TARGETS.medianNetWorthByAgeDollars[band];
  return Math.log(median) - w.sigma * normalQuantile((0.5 - w.lowShare) / (1 - w.lowShare));
}

export interface BalanceSheetInput {
  band: AgeBand;
  /** Standard normal residual of the income draw. */
  incomeZ: number;
  grossDollars: number;
  netMonthlyCents: number;
  retired: boolean;
}

export interface BalanceSheet {
  assets: Assets;
  debts: Debt[];
  netWorthCents: number;
  owner: boolean;
}

interface DebtDraft {
  kind: DebtKind;
  balanceCents: number;
  annualRate: number;
  remainingMonths: number | null;
}

function logNormalDollars(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal());
}

function consumerDebts(rng: Rng, w: WealthBand, grossDollars: number, low: boolean): DebtDraft[] {
  const out: DebtDraft[] = [];
  const incomeScale = Math.max(0.3, grossDollars / 80_000);
  if (rng.chance(Math.min(0.9, w.autoShare * 1.25))) {
    out.push({ kind: 'auto-loan', balanceCents: dollarsToCents(Math.max(2_000, logNormalDollars(rng, 26_000 * incomeScale ** 0.3, 0.55))), annualRate: roundRate(rng.between(0.045, 0.12)), remainingMonths: rng.int(12, 72) });
  }
  if (rng.chance(Math.min(0.9, w.studentShare * (low ? 2 : 1.3)))) {
    out.push({ kind: 'student-loan', balanceCents: dollarsToCents(Math.max(1_500, logNormalDollars(rng, 33_000, 0.9))), annualRate: roundRate(rng.between(0.035, 0.075)), remainingMonths: rng.int(60, 240) });
  }
  if (rng.chance(low ? 0.8 : 0.65)) {
    out.push({ kind: 'credit-card', balanceCents: dollarsToCents(Math.max(200, logNormalDollars(rng, 8_000 * incomeScale ** 0.4, 1.0))), annualRate: roundRate(rng.between(0.17, 0.29)), remainingMonths: null });
  }
  return out;
}

function minimumPaymentCents(d: DebtDraft): number {
  if (d.remainingMonths === null) {
    // Typical card minimum: interest plus 1 % of the balance, at least $25, never more than the balance.
    return Math.min(d.balanceCents, Math.max(2_500, Math.ceil(d.balanceCents * (d.annualRate / 12 + 0.01))));
  }
  return Math.min(d.balanceCents, annuityPaymentCents(d.balanceCents, d.annualRate, d.remainingMonths));
}

function finalizeDebts(drafts: DebtDraft[]): Debt[] {
  return drafts.map((d, i) => ({
    id: `d${i + 1}`, kind: d.kind, balanceCents: d.balanceCents, annualRate: d.annualRate,
    minimumPaymentCents: minimumPaymentCents(d), remainingMonths: d.remainingMonths,
  }));
}

/** The accounts split of `financialCents`, plus the home; built as one literal (no spread: it sits on the hot path). */
function splitFinancial(rng: Rng, financialCents: number, netMonthlyCents: number, retired: boolean, realEstateCents: number): Assets {
  let left = financialCents;
  const checkingCents = Math.min(left, Math.max(10_000, Math.round(netMonthlyCents * rng.between(0.4, 1.6))));
  left -= checkingCents;
  const savingsCents = Math.min(left, Math.round(netMonthlyCents * rng.between(0.5, 6)));
  left -= savingsCents;
  const retirementCents = Math.round(left * (retired ? rng.between(0.4, 0.7) : rng.between(0.55, 0.85)));
  return { checkingCents, savingsCents, investmentsCents: left - retirementCents, retirementCents, realEstateCents };
}

export function drawBalanceSheet(rng: Rng, input: BalanceSheetInput): BalanceSheet {
  const w = WEALTH[input.band];
  const low = rng.chance(w.lowShare);
  if (low) {
    // Renters with a little cash and their consumer/student debt: net worth ≤ $5,000 < every band median.
    const debts = consumerDebts(rng, w, input.grossDollars, true);
    const financial = dollarsToCents(rng.between(MIN_FINANCIAL_DOLLARS, 5_000));
    const assets = splitFinancial(rng, financial, input.netMonthlyCents, input.retired, 0);
    const totalDebt = debts.reduce((s, d) => s + d.balanceCents, 0);
    return { assets, debts: finalizeDebts(debts), netWorthCents: financial - totalDebt, owner: false };
  }

  const wealthZ = INCOME_WEALTH_RHO * input.incomeZ + Math.sqrt(1 - INCOME_WEALTH_RHO ** 2) * rng.normal();
  let netWorthCents = dollarsToCents(Math.min(MAX_NET_WORTH_DOLLARS, Math.exp(logLocation(input.band) + w.sigma * wealthZ)));

  const ownGivenHigh = Math.min(0.98, w.ownShare / (1 - w.lowShare));
  const ownThreshold = normalQuantile(ownGivenHigh) * Math.sqrt(1 + OWN_SLOPE ** 2);
  let owner = rng.normal() < ownThreshold + OWN_SLOPE * wealthZ;
  const drafts: DebtDraft[] = [];
  let homeCents = 0;
  let mortgage: DebtDraft | undefined;
  if (owner) {
    homeCents = dollarsToCents(Math.max(60_000, input.grossDollars * 3.0 * Math.exp(0.4 * rng.normal())));
    if (rng.chance(w.mortgageShare)) {
      const ltv = rng.between(w.ltv[0], w.ltv[1]);
      mortgage = {
        kind: 'mortgage', balanceCents: Math.round(homeCents * ltv), annualRate: roundRate(rng.between(0.0275, 0.0725)),
        remainingMonths: Math.min(360, Math.max(24, Math.round((360 * ltv) / 0.92))),
      };
    }
  }
  const consumer = consumerDebts(rng, w, input.grossDollars, false);
  const consumerTotal = consumer.reduce((s, d) => s + d.balanceCents, 0);
  const mortgageCents = mortgage?.balanceCents ?? 0;
  const minFinancial = dollarsToCents(MIN_FINANCIAL_DOLLARS);
  let financial = netWorthCents - (homeCents - mortgageCents) + consumerTotal;
  if (financial < minFinancial && owner) {
    // The home as drawn is worth more than this household's net worth allows: value it lower (equity shrinks).
    homeCents = Math.max(0, homeCents - (minFinancial - financial));
    financial = minFinancial;
    if (homeCents === 0) {
      owner = false;
      mortgage = undefined;
      financial = netWorthCents + consumerTotal;
    }
  }
  if (financial < minFinancial) {
    // Only reachable with net worth below $100 + debts: lift it (it stays below every band median).
    financial = minFinancial;
    netWorthCents = minFinancial - consumerTotal;
  }
  if (mortgage !== undefined) drafts.push(mortgage);
  for (const d of consumer) drafts.push(d);
  const assets = splitFinancial(rng, financial, input.netMonthlyCents, input.retired, homeCents);
  const debts = finalizeDebts(drafts);
  const assetTotal = assets.checkingCents + assets.savingsCents + assets.investmentsCents + assets.retirementCents + assets.realEstateCents;
  const debtTotal = debts.reduce((s, d) => s + d.balanceCents, 0);
  return { assets, debts, netWorthCents: assetTotal - debtTotal, owner };
}
