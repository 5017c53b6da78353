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

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) || word.startsWith('HVAC') ? `an ${word}` : `a ${word}`;
}

function milestoneText(m: Milestone): string {
  const f = m.paymentFlexibility;
  const terms: string[] = [];
  if (f.maxInstallments > 1) terms.push(`payable in up to ${f.maxInstallments} monthly installments with ${percent(f.minUpfrontShare, 0)} upfront`);
  if (f.maxDeferralMonths > 0) terms.push(`can be deferred up to ${f.maxDeferralMonths} months`);
  if (terms.length === 0) terms.push('fixed date, paid in full');
  const what = m.type === 'retirement' ? `savings target ${formatDollars(m.amountCents)}` : `cost ${formatDollars(m.amountCents)}`;
  return `${MILESTONE_NAMES[m.type]} on ${formatLongDate(m.date)} (${what}, ${percent(m.probability, 0)} likely; ${terms.join(', ')})`;
}

export function writeNarrative(p: NarrativeInput): string {
  const name = p.givenName;
  const s: string[] = [];
  const job = p.occupation.employed ? `works as ${article(p.occupation.title)}` : 'is retired';
  s.push(`${p.givenName} ${p.familyName} is ${p.age} years old, ${job} and lives in ${p.location.city}, ${p.location.stateName}.`);

  const h = p.household;
  let family = h.maritalStatus === 'married'
    ? `${name} is married and the spouse ${h.partnerEarns ? 'also earns an income' : 'does not earn an income'}`
    : `${name} is ${h.maritalStatus}`;
  if (h.children.length > 0) {
    family += `, with ${h.children.length} ${h.children.length === 1 ? 'child' : 'children'} aged ${list(h.children.map((c) => String(c.age)))}`;
  }
  s.push(`${family}.`);

  const inc = p.income;
  let incomeText = `Household income is ${formatDollars(inc.householdGrossAnnualCents)} a year before taxes (gross), about ${formatDollars(inc.householdNetMonthlyCents)} a month after taxes (net)`;
  if (p.occupation.employed && inc.personalGrossEarningsAnnualCents !== inc.householdGrossAnnualCents) {
    incomeText += `; ${name}'s own earnings are ${formatDollars(inc.personalGrossEarningsAnnualCents)} a year gross`;
  }
  s.push(`${incomeText}.`);

  const a = p.assets;
  s.push(`${name} has ${formatDollars(a.checkingCents)} in checking, ${formatDollars(a.savingsCents)} in savings, ${formatDollars(a.investmentsCents)} in investments and ${formatDollars(a.retirementCents)} in retirement accounts, and ${a.realEstateCents > 0 ? `owns a home valued at ${formatDollars(a.realEstateCents)}` : 'rents'}.`);

  if (p.debts.length === 0) s.push('There are no debts.');
  else {
    s.push(`Debts: ${p.debts.map((d) => `${DEBT_NAMES[d.kind]} of ${formatDollars(d.balanceCents)} at ${percent(d.annualRate, 2)} with a minimum payment of ${formatDollars(d.minimumPaymentCents)} a month`).join('; ')}.`);
  }
  s.push(`Net worth is ${formatDollars(p.netWorthCents)}.`);

  const cf = p.cashFlow;
  let flow = `Living expenses are ${formatDollars(p.monthlyExpenses.totalCents)} a month`;
  const saved = cf.milestoneSavingCents + cf.otherSavingCents;
  if (saved > 0) flow += ` and ${name} saves ${formatDollars(saved)} a month`;
  if (cf.savingsDrawCents > 0) flow += ` and ${name} draws ${formatDollars(cf.savingsDrawCents)} a month from savings to cover costs`;
  s.push(`${flow}.`);

  if (p.milestones.length > 0) s.push(`Upcoming milestones: ${p.milestones.map(milestoneText).join('; ')}.`);
  if (p.goals.length > 0) {
    s.push(`Goals, most important first: ${p.goals.map((g) => `${GOAL_NAMES[g.kind]} ${formatDollars(g.targetCents)} by ${formatLongDate(g.targetDate)}`).join('; ')}.`);
  }
  s.push(`Risk tolerance is ${p.riskTolerance.label} (score ${p.riskTolerance.score}).`);
  return s.join(' ');
}
