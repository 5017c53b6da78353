/** JSON schemas of request bodies, params and queries (checked by fastify/ajv; no coercion, no extra fields). */

const isoDay = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const cents = { type: 'integer', minimum: 0, maximum: 1e13 } as const;
const uintString = (maxDigits: number) => ({ type: 'string', pattern: `^\\d{1,${maxDigits}}$` }) as const;

export const subjectParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,80}$' } },
} as const;

export const formatQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { type: 'string', maxLength: 20 } },
} as const;

export const createSubjectBody = {
  type: 'object',
  additionalProperties: false,
  required: ['seed'],
  properties: {
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    index: { type: 'integer', minimum: 0, maximum: 2 ** 32 - 1 },
    start: isoDay,
    historyMonths: { type: 'integer', minimum: 0, maximum: 36 },
    profile: {
      type: 'object',
      additionalProperties: false,
      properties: {
        givenName: { type: 'string', minLength: 1, maxLength: 80 },
        familyName: { type: 'string', minLength: 1, maxLength: 80 },
        assets: {
          type: 'object',
          additionalProperties: false,
          properties: { checkingCents: cents, savingsCents: cents, investmentsCents: cents, retirementCents: cents, realEstateCents: cents },
        },
        milestones: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'date', 'amountCents'],
            properties: {
              type: { enum: ['retirement', 'home-purchase', 'car-purchase', 'education', 'wedding', 'child-birth', 'home-renovation', 'medical'] },
              date: isoDay,
              amountCents: { type: 'integer', minimum: 1, maximum: 1e13 },
              probability: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
            },
          },
        },
      },
    },
  },
} as const;

export const createMeshBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    horizonYears: { type: 'integer', minimum: 1, maximum: 40 },
    paths: { type: 'integer', minimum: 2, maximum: 4000 },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    stepMonths: { type: 'integer', minimum: 1, maximum: 12 },
    market: {
      type: 'object',
      additionalProperties: false,
      required: ['mu', 'sigma'],
      properties: { mu: { type: 'number', minimum: -0.5, maximum: 0.5 }, sigma: { type: 'number', minimum: 0.001, maximum: 1 } },
    },
  },
} as const;

const when = {
  oneOf: [
    { type: 'string', pattern: '^(now|\\d{4}-\\d{2}-\\d{2})$' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['wealthAtLeast'],
      properties: { wealthAtLeast: { type: 'number', minimum: -1e12, maximum: 1e12 }, notBefore: isoDay, notAfter: isoDay },
    },
  ],
} as const;

export const paymentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['milestoneId', 'parts'],
  properties: {
    milestoneId: { type: 'string', minLength: 1, maxLength: 40 },
    parts: {
      type: 'array',
      minItems: 1,
      maxItems: 12,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['when'],
        properties: {
          when,
          fraction: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
          amount: { type: 'number', exclusiveMinimum: 0, maximum: 1e12 },
          rest: { type: 'boolean' },
        },
      },
    },
  },
} as const;

export const advanceBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    to: isoDay,
    months: { type: 'integer', minimum: 1, maximum: 480 },
    observedWealth: { type: 'number', minimum: -1e12, maximum: 1e12 },
    path: { type: 'integer', minimum: 0, maximum: 3999 },
  },
} as const;

export const recommendationsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { months: uintString(3), seed: uintString(15), paths: uintString(4), format: { type: 'string', maxLength: 20 } },
} as const;

export const evaluationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['subjects', 'seed'],
  properties: {
    subjects: { type: 'integer', minimum: 1, maximum: 200 },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    workers: { type: 'integer', minimum: 1, maximum: 2 },
    asOf: isoDay,
  },
} as const;

export const evaluationParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^ev-\\d{1,9}$' } },
} as const;

export const convertQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { enum: ['auto', 'json', 'compressed', 'npy', 'npz', 'safetensors', 'hdf5', 'pickle', 'torch'] },
    format: { type: 'string', maxLength: 20 },
  },
} as const;

export const demoQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { seed: uintString(9), format: { type: 'string', maxLength: 20 } },
} as const;
