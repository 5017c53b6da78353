/**
 * The Person model produced by `generate`.
 *
 * Units, everywhere in this model:
 * - Money is an integer number of US **cents** in every field whose name ends in `Cents` (never dollars, never
 *   floats). Signed only where the field says so (`Transaction.amountCents`).
 * - Dates are calendar dates as ISO strings `YYYY-MM-DD` (`IsoDate`), with no time and no time zone.
 * - Rates and probabilities are fractions in [0, 1] (`0.0625` is 6.25 %).
 * - "Gross" means before income and payroll taxes; "net" means after them (our tax model: `income.ts`).
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export type AgeBand = '<35' | '35-44' | '45-54' | '55-64' | '65-74' | '75+';

export type OccupationGroup =
  | 'management-business-financial'
  | 'professional'
  | 'service'
  | 'sales-office'
  | 'construction-maintenance'
  | 'production-transportation'
  | 'retired';

export interface Occupation {
  group: OccupationGroup;
  /** Job title used in the narrative (`"retired"` for retirees). */
  title: string;
  employed: boolean;
}

export interface Income {
  /** Household income before taxes (gross), per year, in cents. The Census median refers to this number. */
  householdGrossAnnualCents: number;
  /** Household income after federal, state and payroll taxes (net), per year, in cents. */
  householdNetAnnualCents: number;
  /** `round(householdNetAnnualCents / 12)`: the monthly deposit seen in the transaction history. */
  householdNetMonthlyCents: number;
  /** The person's own gross earnings from work, per year, in cents (0 when retired). */
  personalGrossEarningsAnnualCents: number;
  /** Taxes assumed: householdGross − householdNet, in cents. */
  taxesAnnualCents: number;
  filingStatus: 'single' | 'married-joint' | 'head-of-household';
}

export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

export interface Child {
  birthDate: IsoDate;
  /** Completed years at the start date. */
  age: number;
  /** Under 18 at the start date. */
  dependent: boolean;
}

export interface Household {
  maritalStatus: MaritalStatus;
  /** Whether a spouse's earnings are part of household income. */
  partnerEarns: boolean;
  children: Child[];
}

export interface Location {
  city: string;
  /** USPS two-letter code. */
  state: string;
  stateName: string;
}

export interface RiskTolerance {
  /** 1 (avoid all risk) … 10 (seeks risk). */
  score: number;
  label: 'conservative' | 'moderate' | 'aggressive';
}

export interface Assets {
  checkingCents: number;
  savingsCents: number;
  /** Taxable brokerage accounts. */
  investmentsCents: number;
  /** Tax-advantaged retirement accounts (401(k), IRA). */
  retirementCents: number;
  /** Market value of the home owned (0 for renters). */
  realEstateCents: number;
}

export type DebtKind = 'credit-card' | 'student-loan' | 'mortgage' | 'auto-loan';

export interface Debt {
  /** Unique within the person: `d1`, `d2`, … */
  id: string;
  kind: DebtKind;
  balanceCents: number;
  /** Annual percentage rate as a fraction, rounded to a basis point (0.0625 = 6.25 %). */
  annualRate: number;
  /** Required monthly payment, in cents (≤ balance). */
  minimumPaymentCents: number;
  /** Months left on an amortising loan; `null` for revolving credit. */
  remainingMonths: number | null;
}

export interface MonthlyExpenses {
  /** Rent for renters; property tax, home insurance and upkeep for owners (the mortgage is a debt payment). */
  housingCents: number;
  utilitiesCents: number;
  foodCents: number;
  transportationCents: number;
  healthcareCents: number;
  childcareCents: number;
  insuranceCents: number;
  discretionaryCents: number;
  /** Sum of the categories above (debt payments excluded). */
  totalCents: number;
}

/** Monthly cash flow through the checking account, in cents; each month of the history follows it exactly. */
export interface CashFlow {
  netIncomeCents: number;
  expensesCents: number;
  debtPaymentsCents: number;
  /** Moved to savings for upcoming milestones. */
  milestoneSavingCents: number;
  /** Any other surplus moved to savings. */
  otherSavingCents: number;
  /** Drawn from savings when income does not cover expenses and debt payments (0 otherwise). */
  savingsDrawCents: number;
}

export type MilestoneType =
  | 'retirement'
  | 'home-purchase'
  | 'car-purchase'
  | 'education'
  | 'wedding'
  | 'child-birth'
  | 'home-renovation'
  | 'medical';

export interface PaymentFlexibility {
  /** How the payment can be arranged. */
  kind: 'fixed' | 'deferrable' | 'installments' | 'deferrable-installments';
  /** Latest the payment may move after `date`, in months (0 = not movable). */
  maxDeferralMonths: number;
  /** Most monthly installments the amount may be split into (1 = one payment). */
  maxInstallments: number;
  /** Share of the amount due on the date even when paid in installments (1 = all of it). */
  minUpfrontShare: number;
}

export interface Milestone {
  /** Unique within the person: `m1`, `m2`, … */
  id: string;
  type: MilestoneType;
  /** Always after the start date and inside the person's life (age < 95). */
  date: IsoDate;
  /** Cost (or, for retirement, the savings target), in cents. */
  amountCents: number;
  /** Chance the milestone happens, in (0, 1]. */
  probability: number;
  paymentFlexibility: PaymentFlexibility;
}

export type GoalKind = 'emergency-fund' | 'retirement' | 'home-down-payment' | 'debt-free' | 'education' | 'major-purchase';

export interface Goal {
  kind: GoalKind;
  targetCents: number;
  /** Always after the start date: no goal is ever due in the past. */
  targetDate: IsoDate;
  /** 1 = most important. Unique within the person. */
  priority: number;
  /** The milestone this goal funds, if any. */
  milestoneId: string | null;
}

export type TransactionKind =
  | 'salary'
  | 'retirement-income'
  | 'bill'
  | 'debt-payment'
  | 'milestone-saving'
  | 'savings-transfer'
  | 'savings-draw';

export type BillCategory = Exclude<keyof MonthlyExpenses, 'totalCents'>;

/** One movement of the checking account. */
export interface Transaction {
  date: IsoDate;
  kind: TransactionKind;
  /** Signed cents: positive into checking, negative out of it. */
  amountCents: number;
  /** Checking balance after this transaction, in cents (never negative). */
  balanceAfterCents: number;
  /** For bills: the expense category. For debt payments: the debt id. For milestone saving: the milestone id. */
  ref: string | null;
}

export interface TransactionHistory {
  /** First day of the window (first day of a month). */
  from: IsoDate;
  /** Last day of the window (last day of the month before the start date's month). */
  to: IsoDate;
  /** Checking balance before the first transaction, in cents (equal to the closing balance: months net to zero). */
  openingBalanceCents: number;
  transactions: Transaction[];
}

export interface Person {
  /** Unique for (seed, index): `syn-<seed>-<index>`. */
  id: string;
  /** k in `generate`: the person depends only on (seed, index). */
  index: number;
  givenName: string;
  familyName: string;
  birthDate: IsoDate;
  /** Completed years at the start date. */
  age: number;
  ageBand: AgeBand;
  occupation: Occupation;
  income: Income;
  household: Household;
  location: Location;
  riskTolerance: RiskTolerance;
  assets: Assets;
  debts: Debt[];
  /** assets − debts, in cents (may be negative). */
  netWorthCents: number;
  monthlyExpenses: MonthlyExpenses;
  cashFlow: CashFlow;
  milestones: Milestone[];
  goals: Goal[];
  history: TransactionHistory | null;
  /** A paragraph describing the person; every number and date in it comes from this record. */
  narrative: string;
}
