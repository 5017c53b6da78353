/**
 * The narrative paragraph: what a milestone extractor would read. Every number in it is formatted from a field of
 * the record (money as whole dollars `$1,234`, rates with two decimals, probabilities and shares as whole percents,
 * dates as `March 5, 2031`), so the tests can parse the text back and find each value in the record.
 */
import { formatLongDate } from './dates.js';
import type { Debt, Goal, Milestone, Person } from './model.js';
import { formatDollars } from './money.js';

type NarrativeInput = Omit<Person, 'narrative' | 'history'>;

const DEBT_NAMES: Record<Debt['kind'], string> = {
  mortgage: 'a mortgage', 'auto-loan': 'an auto loan', 'student-loan': 'a student loan', 'credit-card': 'a credit card balance',
};
const MILESTONE_NAMES: Record<Milestone['type'], string> = {
  retirement: 'retirement', 'home-purchase': 'buying a home', 'car-purchase': 'buying a car', education: "a child's college education",
  wedding: 'a wedding', 'child-birth': 'the birth of a child', 'home-renovation': 'a home renovation', medical: 'a planned medical procedure',
};
const GOAL_NAMES: Record<Goal['kind'], string> = {
  'emergency-fund': 'build an emergency fund of', 'debt-free': 'pay off credit cards totalling', 'home-down-payment': 'save a home down payment of',
  education: 'fund education costs of', retirement: 'reach retirement savings of', 'major-purchase': 'save for a car costing',
};

export function percent(fraction: number, decimals: number): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/**
 * The narrative is assembled as one list of pieces joined once at the end: one copy into a flat string, instead of
 * nested template strings and per-list `map().join()` (this paragraph is a large share of the generator's time).
 */
type Pieces = (string | number)[];

/** Items as `a`, `a and b`, `a, b and c`. */
function pushList(out: Pieces, items: readonly number[]): void {
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(i === items.length - 1 ? ' and ' : ', ');
    out.push(items[i]!);
  }
}

const ARTICLES = new Map<string, string>();

/** `a cook`, `an accountant`, `an HVAC technician`; memoised (the words are the fixed occupation titles). */
function article(word: string): string {
  let phrase = ARTICLES.get(word);
  if (phrase === undefined) {
    phrase = /^[aeiou]/i.test(word) || word.startsWith('HVAC') ? `an ${word}` : `a ${word}`;
    if (ARTICLES.size < 1_000) ARTICLES.set(word, phrase);
  }
  return phrase;
}

function pushMilestone(out: Pieces, m: Milestone): void {
  const f = m.paymentFlexibility;
  out.push(MILESTONE_NAMES[m.type], ' on ', formatLongDate(m.date), ' (', m.type === 'retirement' ? 'savings target ' : 'cost ', formatDollars(m.amountCents),
    ', ', percent(m.probability, 0), ' likely; ');
  if (f.maxInstallments > 1) out.push('payable in up to ', f.maxInstallments, ' monthly installments with ', percent(f.minUpfrontShare, 0), ' upfront');
  if (f.maxDeferralMonths > 0) out.push(f.maxInstallments > 1 ? ', can be deferred up to ' : 'can be deferred up to ', f.maxDeferralMonths, ' months');
  if (f.maxInstallments <= 1 && f.maxDeferralMonths <= 0) out.push('fixed date, paid in full');
  out.push(')');
}

export function writeNarrative(p: NarrativeInput): string {
  const name = p.givenName;
  const out: Pieces = [];
  out.push(p.givenName, ' ', p.familyName, ' is ', p.age, ' years old, ', p.occupation.employed ? `works as ${article(p.occupation.title)}` : 'is retired',
    ' and lives in ', p.location.city, ', ', p.location.stateName, '.');

  const h = p.household;
  if (h.maritalStatus === 'married') out.push(' ', name, ' is married and the spouse ', h.partnerEarns ? 'also earns an income' : 'does not earn an income');
  else out.push(' ', name, ' is ', h.maritalStatus);
  if (h.children.length > 0) {
    out.push(', with ', h.children.length, h.children.length === 1 ? ' child aged ' : ' children aged ');
    pushList(out, h.children.map((c) => c.age));
  }
  out.push('.');

  const inc = p.income;
  out.push(' Household income is ', formatDollars(inc.householdGrossAnnualCents), ' a year before taxes (gross), about ', formatDollars(inc.householdNetMonthlyCents),
    ' a month after taxes (net)');
  if (p.occupation.employed && inc.personalGrossEarningsAnnualCents !== inc.householdGrossAnnualCents) {
    out.push('; ', name, "'s own earnings are ", formatDollars(inc.personalGrossEarningsAnnualCents), ' a year gross');
  }
  out.push('.');

  const a = p.assets;
  out.push(' ', name, ' has ', formatDollars(a.checkingCents), ' in checking, ', formatDollars(a.savingsCents), ' in savings, ', formatDollars(a.investmentsCents),
    ' in investments and ', formatDollars(a.retirementCents), ' in retirement accounts, and ');
  if (a.realEstateCents > 0) out.push('owns a home valued at ', formatDollars(a.realEstateCents), '.');
  else out.push('rents.');

  if (p.debts.length === 0) out.push(' There are no debts.');
  else {
    out.push(' Debts: ');
    for (let i = 0; i < p.debts.length; i++) {
      const d = p.debts[i]!;
      out.push(i > 0 ? '; ' : '', DEBT_NAMES[d.kind], ' of ', formatDollars(d.balanceCents), ' at ', percent(d.annualRate, 2), ' with a minimum payment of ',
        formatDollars(d.minimumPaymentCents), ' a month');
    }
    out.push('.');
  }
  out.push(' Net worth is ', formatDollars(p.netWorthCents), '.');

  const cf = p.cashFlow;
  out.push(' Living expenses are ', formatDollars(p.monthlyExpenses.totalCents), ' a month');
  const saved = cf.milestoneSavingCents + cf.otherSavingCents;
  if (saved > 0) out.push(' and ', name, ' saves ', formatDollars(saved), ' a month');
  if (cf.savingsDrawCents > 0) out.push(' and ', name, ' draws ', formatDollars(cf.savingsDrawCents), ' a month from savings to cover costs');
  out.push('.');

  if (p.milestones.length > 0) {
    out.push(' Upcoming milestones: ');
    for (let i = 0; i < p.milestones.length; i++) {
      if (i > 0) out.push('; ');
      pushMilestone(out, p.milestones[i]!);
    }
    out.push('.');
  }
  if (p.goals.length > 0) {
    out.push(' Goals, most important first: ');
    for (let i = 0; i < p.goals.length; i++) {
      const g = p.goals[i]!;
      out.push(i > 0 ? '; ' : '', GOAL_NAMES[g.kind], ' ', formatDollars(g.targetCents), ' by ', formatLongDate(g.targetDate));
    }
    out.push('.');
  }
  out.push(' Risk tolerance is ', p.riskTolerance.label, ' (score ', p.riskTolerance.score, ').');
  return out.join('');
}
