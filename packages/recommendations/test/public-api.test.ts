import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the documented names', () => {
  expect(Object.keys(api).sort()).toEqual([
    'ASSUMED_EXISTING_CATEGORY', 'HIGH_RATE_APR', 'INVESTMENT_CATEGORIES', 'InvalidOptionError', 'InvalidPersonError', 'InvalidPlanFileError',
    'MARKET', 'RISK_BANDS', 'RecommendationError', 'decodePlan', 'encodePlan', 'isRecommendationError', 'loadPlan', 'recommend', 'savePlan',
  ]);
});
