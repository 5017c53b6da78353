/**
 * A subject = a synthetic person from @omega/synthetic-data, optionally with a partial profile laid over it.
 * Overridden fields are listed, and the narrative (which quotes the generated numbers) is dropped when any are.
 */
import { generateSubject, type Milestone, type MilestoneType, type Person } from '@omega/synthetic-data';

export interface ProfileOverrides {
  givenName?: string;
  familyName?: string;
  assets?: Partial<Record<'checkingCents' | 'savingsCents' | 'investmentsCents' | 'retirementCents' | 'realEstateCents', number>>;
  milestones?: { type: MilestoneType; date: string; amountCents: number; probability?: number }[];
}

export interface SubjectRequest {
  seed: number;
  index?: number;
  start: string;
  historyMonths?: number;
  profile?: ProfileOverrides;
}

export interface Subject {
  id: string;
  source: { seed: number; index: number; start: string; historyMonths: number };
  /** Field paths replaced by the partial profile (empty for a purely generated subject). */
  overridden: string[];
  person: Person;
}

const FIXED_PAYMENT = { kind: 'fixed', maxDeferralMonths: 0, maxInstallments: 1, minUpfrontShare: 1 } as const;

function applyProfile(person: Person, profile: ProfileOverrides): string[] {
  const changed: string[] = [];
  if (profile.givenName !== undefined) {
    person.givenName = profile.givenName;
    changed.push('givenName');
  }
  if (profile.familyName !== undefined) {
    person.familyName = profile.familyName;
    changed.push('familyName');
  }
  if (profile.assets !== undefined) {
    for (const [key, cents] of Object.entries(profile.assets)) {
      if (cents === undefined) continue;
      person.assets[key as keyof Person['assets']] = cents;
      changed.push(`assets.${key}`);
    }
    const assets = Object.values(person.assets).reduce((s, c) => s + c, 0);
    const debts = person.debts.reduce((s, d) => s + d.balanceCents, 0);
    person.netWorthCents = assets - debts; // the model's identity: assets − debts
  }
  if (profile.milestones !== undefined) {
    person.milestones = profile.milestones.map((m, i): Milestone => ({
      id: `m${i + 1}`, type: m.type, date: m.date, amountCents: m.amountCents, probability: m.probability ?? 1, paymentFlexibility: { ...FIXED_PAYMENT },
    }));
    const ids = new Set(person.milestones.map((m) => m.id));
    for (const goal of person.goals) if (goal.milestoneId !== null && !ids.has(goal.milestoneId)) goal.milestoneId = null;
    changed.push('milestones');
  }
  if (changed.length > 0) person.narrative = '';
  return changed;
}

/** Build a subject. `variant` distinguishes several profiles laid over the same generated person. */
export function createSubject(request: SubjectRequest, variant: number): Subject {
  const index = request.index ?? 0;
  const historyMonths = request.historyMonths ?? 0;
  const person = generateSubject({ seed: request.seed, index, start: request.start, historyMonths });
  const overridden = request.profile ? applyProfile(person, request.profile) : [];
  const id = overridden.length === 0 ? person.id : `${person.id}-p${variant}`;
  return { id, source: { seed: request.seed, index, start: request.start, historyMonths }, overridden, person };
}
