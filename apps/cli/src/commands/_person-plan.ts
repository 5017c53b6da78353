/**
 * A planning-mesh input from a synthetic subject through @omega/stochastic-mesh's `planningInputFromPerson`
 * (dollars; market blended from the subject's cash and invested money). Retirement milestones are left out here:
 * their amount is a savings target, not a payment. The caller is told which milestones are not in the plan.
 */
import { planningInputFromPerson, type PaymentCapacity, type PlanningInput } from '@omega/stochastic-mesh';
import type { Milestone, Person } from '@omega/synthetic-data';

export interface PersonPlanOptions {
  asOf: string;
  seed: number;
  paths: number;
  horizonYears: number;
  paymentCapacity?: PaymentCapacity;
}

export interface PersonPlan {
  input: PlanningInput;
  /** The subject's milestones that are in the plan. */
  milestones: Milestone[];
  /** The ones left out, with the reason. */
  skipped: { id: string; type: string; reason: string }[];
}

export function planFromPerson(person: Person, options: PersonPlanOptions): PersonPlan {
  const input = planningInputFromPerson(person, {
    asOf: options.asOf, seed: options.seed, paths: options.paths, horizonYears: options.horizonYears,
    milestoneIds: person.milestones.filter((m) => m.type !== 'retirement').map((m) => m.id),
    ...(options.paymentCapacity ? { paymentCapacity: options.paymentCapacity } : {}),
  });
  const planned = new Set((input.milestones ?? []).map((m) => m.id));
  return {
    input,
    milestones: person.milestones.filter((m) => planned.has(m.id)),
    skipped: person.milestones.filter((m) => !planned.has(m.id)).map((m) => ({
      id: m.id, type: m.type, reason: m.type === 'retirement' ? 'a savings target, not a payment' : `not after ${options.asOf} and within the ${options.horizonYears}-year horizon`,
    })),
  };
}
