/** @omega/synthetic-data — seeded, calibrated synthetic people. Public API (explicit list). */
export { generate, generateSubject, iterateSubjects, DEFAULT_HISTORY_MONTHS, MAX_INDEX } from './generate.js';
export type { GenerateOptions, SubjectOptions } from './generate.js';
export { MAX_HISTORY_MONTHS } from './budget.js';
export { saveSubjects, loadSubjects, encodeSubjects, decodeSubjects, SUBJECTS_FILE_KIND, SUBJECTS_FILE_VERSION } from './export.js';
export type { SubjectsFormat } from './export.js';
export { CALIBRATION_TARGETS, debtShareTargets } from './references.js';
export { formatLongDate, parseLongDate } from './dates.js';
export { formatDollars } from './money.js';
export { SyntheticDataError, InvalidOptionError, InvalidSubjectFileError, isSyntheticDataError } from './errors.js';
export type { SyntheticDataErrorCode, SyntheticDataErrorContext } from './errors.js';
export type {
  AgeBand, Assets, BillCategory, CashFlow, Child, Debt, DebtKind, Goal, GoalKind, Household, Income, IsoDate, Location,
  MaritalStatus, Milestone, MilestoneType, MonthlyExpenses, Occupation, OccupationGroup, PaymentFlexibility, Person,
  RiskTolerance, Transaction, TransactionHistory, TransactionKind,
} from './model.js';
