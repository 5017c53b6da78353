/**
 * Household income: log-normal inside each (age, occupation, earners) cell, with the cells' shifts from
 * `population.ts`. The common log offset is solved once so that the population median equals the Census median
 * exactly (bisection on the mixture CDF, which is a weighted sum of normal CDFs), so sample medians only differ
 * from the target by sampling error.
 */
import { normalCdf } from './normal.js';
import {
  AGE_BANDS, INCOME_LOG_SIGMA, MARRIED_ONE_EARNER_LOG_EFFECT, maritalProbabilities, OCCUPATIONS, partnerEarnsProbability,
  RETIRED_INCOME_LOG_EFFECT, retirementProbability, SECOND_EARNER_LOG_EFFECT, SINGLE_LOG_EFFECT,
} from './population.js';
import { CALIBRATION_TARGETS } from './references.js';

export type EarnerState = 'single' | 'one-earner-couple' | 'two-earner-couple';

export function earnerLogEffect(state: EarnerState): number {
  if (state === 'two-earner-couple') return SECOND_EARNER_LOG_EFFECT;
  if (state === 'one-earner-couple') return MARRIED_ONE_EARNER_LOG_EFFECT;
  return SINGLE_LOG_EFFECT;
}

interface Component {
  weight: number;
  logShift: number;
}

function mixtureComponents(): Component[] {
  const out: Component[] = [];
  for (const band of AGE_BANDS) {
    const ages = band.maxAge - band.minAge + 1;
    for (let age = band.minAge; age <= band.maxAge; age++) {
      const wAge = band.weight / ages;
      const [married] = maritalProbabilities(age);
      const pRetired = retirementProbability(age);
      const occupations = [
        ...OCCUPATIONS.map((o) => ({ retired: false, w: (1 - pRetired) * o.weight, shift: o.incomeLogEffect })),
        { retired: true, w: pRetired, shift: RETIRED_INCOME_LOG_EFFECT },
      ];
      for (const occ of occupations) {
        if (occ.w === 0) continue;
        const pTwo = married * partnerEarnsProbability(occ.retired);
        const states: [EarnerState, number][] = [['single', 1 - married], ['one-earner-couple', married - pTwo], ['two-earner-couple', pTwo]];
        for (const [state, p] of states) {
          if (p > 0) out.push({ weight: wAge * occ.w * p, logShift: band.incomeLogEffect + occ.shift + earnerLogEffect(state) });
        }
      }
    }
  }
  return out;
}

/** Population CDF of log income at `logX` given the offset. */
function mixtureCdf(components: readonly Component[], offset: number, logX: number): number {
  let sum = 0;
  let total = 0;
  for (const c of components) {
    sum += c.weight * normalCdf((logX - offset - c.logShift) / INCOME_LOG_SIGMA);
    total += c.weight;
  }
  return sum / total;
}

let cachedOffset: number | undefined;

/** ln(dollars) offset so that the population median of household gross income is the Census median. */
export function incomeLogOffset(): number {
  if (cachedOffset !== undefined) return cachedOffset;
  const components = mixtureComponents();
  const target = Math.log(CALIBRATION_TARGETS.medianHouseholdIncomeDollars);
  let lo = target - 3;
  let hi = target + 3;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    // A larger offset shifts the distribution up, lowering the CDF at the target.
    if (mixtureCdf(components, mid, target) > 0.5) lo = mid;
    else hi = mid;
  }
  cachedOffset = (lo + hi) / 2;
  return cachedOffset;
}
