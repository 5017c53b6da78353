/**
 * Shape assumptions of the synthetic population (our modelling choices, not calibration targets): the age mix of
 * household heads, retirement and marriage by age, occupation mix, and how age, occupation and a second earner
 * shift log income. Only the overall income median is pinned to a published number (see `income-model.ts`).
 */
import type { AgeBand, OccupationGroup } from './model.js';

export interface BandInfo {
  band: AgeBand;
  minAge: number;
  maxAge: number;
  /** Share of household heads (roughly the Census age-of-householder mix). */
  weight: number;
  /** Log-income shift of the band (household income rises to mid-career and falls in retirement). */
  incomeLogEffect: number;
}

export const AGE_BANDS: readonly BandInfo[] = [
  { band: '<35', minAge: 20, maxAge: 34, weight: 0.2, incomeLogEffect: -0.08 },
  { band: '35-44', minAge: 35, maxAge: 44, weight: 0.17, incomeLogEffect: 0.18 },
  { band: '45-54', minAge: 45, maxAge: 54, weight: 0.165, incomeLogEffect: 0.25 },
  { band: '55-64', minAge: 55, maxAge: 64, weight: 0.18, incomeLogEffect: 0.12 },
  { band: '65-74', minAge: 65, maxAge: 74, weight: 0.16, incomeLogEffect: 0.02 },
  { band: '75+', minAge: 75, maxAge: 90, weight: 0.125, incomeLogEffect: -0.1 },
];

export function bandOf(age: number): BandInfo {
  for (const b of AGE_BANDS) if (age <= b.maxAge) return b;
  return AGE_BANDS[AGE_BANDS.length - 1]!;
}

export function retirementProbability(age: number): number {
  if (age < 55) return 0;
  if (age < 60) return 0.08;
  if (age < 62) return 0.15;
  if (age < 65) return 0.35;
  if (age < 67) return 0.55;
  if (age < 70) return 0.7;
  if (age < 75) return 0.85;
  return 0.96;
}

/** Probabilities of [married, divorced, widowed] at an age; the rest are single (never married). */
export function maritalProbabilities(age: number): readonly [number, number, number] {
  if (age < 25) return [0.12, 0.01, 0];
  if (age < 35) return [0.45, 0.05, 0];
  if (age < 45) return [0.58, 0.12, 0.01];
  if (age < 65) return [0.6, 0.16, 0.04];
  if (age < 75) return [0.56, 0.15, 0.14];
  return [0.42, 0.1, 0.38];
}

export function partnerEarnsProbability(personRetired: boolean): number {
  return personRetired ? 0.2 : 0.75;
}

export interface OccupationInfo {
  group: OccupationGroup;
  /** Share among employed heads. */
  weight: number;
  /** Log-income shift. */
  incomeLogEffect: number;
  titles: readonly string[];
}

export const OCCUPATIONS: readonly OccupationInfo[] = [
  { group: 'management-business-financial', weight: 0.18, incomeLogEffect: 0.35, titles: ['operations manager', 'financial analyst', 'accountant', 'project manager', 'marketing manager'] },
  { group: 'professional', weight: 0.24, incomeLogEffect: 0.3, titles: ['software developer', 'registered nurse', 'teacher', 'civil engineer', 'pharmacist', 'lawyer'] },
  { group: 'service', weight: 0.17, incomeLogEffect: -0.42, titles: ['cook', 'home health aide', 'security guard', 'hairdresser', 'janitor'] },
  { group: 'sales-office', weight: 0.19, incomeLogEffect: -0.1, titles: ['retail salesperson', 'customer service representative', 'office clerk', 'insurance agent'] },
  { group: 'construction-maintenance', weight: 0.09, incomeLogEffect: -0.02, titles: ['electrician', 'carpenter', 'plumber', 'HVAC technician'] },
  { group: 'production-transportation', weight: 0.13, incomeLogEffect: -0.15, titles: ['truck driver', 'machinist', 'warehouse worker', 'bus driver'] },
];

export const RETIRED_INCOME_LOG_EFFECT = -0.38;
export const SECOND_EARNER_LOG_EFFECT = 0.4;
export const MARRIED_ONE_EARNER_LOG_EFFECT = 0.05;
export const SINGLE_LOG_EFFECT = -0.12;
/** Standard deviation of log household income inside one (age, occupation, earners) cell. */
export const INCOME_LOG_SIGMA = 0.72;
