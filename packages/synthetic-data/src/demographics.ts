/** Who the person is: age and birth date, name, place, household, occupation, risk tolerance. */
import { addDays, addYears, daysBetween, toIsoDate, yearsBetween } from './dates.js';
import type { Child, Household, Location, MaritalStatus, Occupation, RiskTolerance } from './model.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './names.js';
import { STATES, type StateInfo } from './places.js';
import { AGE_BANDS, type BandInfo, maritalProbabilities, OCCUPATIONS, type OccupationInfo, partnerEarnsProbability, retirementProbability } from './population.js';
import { cumulative, type Rng } from './random.js';
import { sortSmallStable } from './stable-sort.js';

const BAND_CUMULATIVE = cumulative(AGE_BANDS.map((b) => b.weight));
const OCCUPATION_CUMULATIVE = cumulative(OCCUPATIONS.map((o) => o.weight));
const STATE_CUMULATIVE = cumulative(STATES.map((s) => s.populationMillions));
/** Number of children ever had: P(0..4). */
const CHILDREN_CUMULATIVE = cumulative([0.36, 0.2, 0.27, 0.12, 0.05]);

export interface Birth {
  band: BandInfo;
  age: number;
  birthDate: Date;
}

/** Age drawn uniformly inside a band drawn by household-head share; birth date so the age at `start` is exact. */
export function drawBirth(rng: Rng, start: Date): Birth {
  const band = AGE_BANDS[rng.weighted(BAND_CUMULATIVE)]!;
  const age = rng.int(band.minAge, band.maxAge);
  const latest = addYears(start, -age); // birthday exactly `age` years ago
  const earliestExclusive = addYears(start, -(age + 1));
  const span = daysBetween(earliestExclusive, latest); // 365 or 366 possible birth dates
  const birthDate = addDays(latest, -rng.int(0, span - 1));
  return { band, age, birthDate };
}

export function drawName(rng: Rng): { givenName: string; familyName: string } {
  return { givenName: rng.pick(GIVEN_NAMES), familyName: rng.pick(FAMILY_NAMES) };
}

export function drawLocation(rng: Rng): { location: Location; state: StateInfo } {
  const state = STATES[rng.weighted(STATE_CUMULATIVE)]!;
  return { location: { city: rng.pick(state.cities), state: state.code, stateName: state.name }, state };
}

export interface Work {
  occupation: Occupation;
  info: OccupationInfo | undefined;
}

export function drawWork(rng: Rng, age: number): Work {
  if (rng.chance(retirementProbability(age))) return { occupation: { group: 'retired', title: 'retired', employed: false }, info: undefined };
  const info = OCCUPATIONS[rng.weighted(OCCUPATION_CUMULATIVE)]!;
  return { occupation: { group: info.group, title: rng.pick(info.titles), employed: true }, info };
}

export function drawMarital(rng: Rng, age: number, retired: boolean): { maritalStatus: MaritalStatus; partnerEarns: boolean } {
  const [married, divorced, widowed] = maritalProbabilities(age);
  const u = rng.uniform();
  if (u < married) return { maritalStatus: 'married', partnerEarns: rng.chance(partnerEarnsProbability(retired)) };
  if (u < married + divorced) return { maritalStatus: 'divorced', partnerEarns: false };
  if (u < married + divorced + widowed) return { maritalStatus: 'widowed', partnerEarns: false };
  return { maritalStatus: 'single', partnerEarns: false };
}

/** Children born when the parent was 18–44, all before the start date, sorted oldest first. */
export function drawChildren(rng: Rng, birthDate: Date, start: Date, age: number, married: boolean): Child[] {
  let count = rng.weighted(CHILDREN_CUMULATIVE);
  if (!married) count = Math.floor(count / 2 + rng.uniform() * 0.7);
  const children: Child[] = [];
  const maxParentAge = Math.min(44, age);
  if (maxParentAge < 18) return children;
  for (let i = 0; i < count; i++) {
    const parentAgeAtBirth = rng.between(18, maxParentAge + 1);
    const born = addDays(birthDate, Math.floor(parentAgeAtBirth * 365.25));
    if (daysBetween(born, start) <= 0) continue; // would be born on or after the start date
    const childAge = yearsBetween(born, start);
    children.push({ birthDate: toIsoDate(born), age: childAge, dependent: childAge < 18 });
  }
  sortSmallStable(children, (a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0));
  return children;
}

export function assembleHousehold(marital: { maritalStatus: MaritalStatus; partnerEarns: boolean }, children: Child[]): Household {
  return { maritalStatus: marital.maritalStatus, partnerEarns: marital.partnerEarns, children };
}

/** 1–10, falling with age and rising with relative income. */
export function drawRiskTolerance(rng: Rng, age: number, incomeZ: number): RiskTolerance {
  const raw = 7 - (age - 20) * 0.07 + 0.5 * incomeZ + 1.4 * rng.normal();
  const score = Math.min(10, Math.max(1, Math.round(raw)));
  return { score, label: score <= 3 ? 'conservative' : score <= 7 ? 'moderate' : 'aggressive' };
}
