/** Export of a planning mesh through @omega/storage: arrays as float64 NDArrays, nodes/milestones/payments as records. */
import { NDArray, load, save, type SaveResult } from '@omega/storage';
import type { PlanningMesh } from './planning-mesh.js';

export interface PlanningMeshRecord {
  kind: 'omega-planning-mesh';
  version: 1;
  seed: number;
  now: Date;
  position: number;
  stepMonths: number;
  dates: Date[];
  /** Years from the plan start of each mesh date, [steps + 1]. */
  times: NDArray;
  /** Wealth per node, [paths, steps + 1]. */
  wealth: NDArray;
  /** Market index per node (1 at the position), [paths, steps + 1]. */
  market: NDArray;
  /** Standard normal shocks, [paths, steps]. */
  shocks: NDArray;
  /** Row-normalised transition probabilities out of the median node one step after the position, [paths] (empty at the last step). */
  nextWeights: NDArray;
  nodes: { id: string; step: number; date: Date; wealth: number; parentId: string | null; solid: boolean }[];
  milestones: ReturnType<PlanningMesh['milestoneRecords']>;
  payments: { milestoneId: string; amount: number; date: Date; nodeId: string }[];
}

export function toPlanningRecord(mesh: PlanningMesh): PlanningMeshRecord {
  const start = mesh.dates[0]!.getTime();
  const times = Float64Array.from(mesh.dates, (d) => (d.getTime() - start) / (365.25 * 86_400_000));
  const step = mesh.position + 1;
  const nextWeights = step < mesh.steps ? mesh.transitionProbabilities(step, 0) : new Float64Array(0);
  return {
    kind: 'omega-planning-mesh',
    version: 1,
    seed: mesh.seed,
    now: mesh.now,
    position: mesh.position,
    stepMonths: mesh.stepMonths,
    dates: [...mesh.dates],
    times: new NDArray('float64', [times.length], times),
    wealth: new NDArray('float64', [mesh.paths, mesh.steps + 1], Float64Array.from(mesh.wealth)),
    market: new NDArray('float64', [mesh.paths, mesh.steps + 1], Float64Array.from(mesh.market)),
    shocks: new NDArray('float64', [mesh.paths, mesh.steps], Float64Array.from(mesh.shocks)),
    nextWeights: new NDArray('float64', [nextWeights.length], nextWeights),
    nodes: mesh.history.map((n) => ({ ...n })),
    milestones: mesh.milestoneRecords(),
    payments: mesh.payments.map((p) => ({ ...p })),
  };
}

/** Save through @omega/storage (format 'auto' by default: compressed with arrays, HDF5 when large). */
export function savePlanningMesh(mesh: PlanningMesh, path: string, format = 'auto'): Promise<SaveResult> {
  return save(toPlanningRecord(mesh), path, { format });
}

export async function loadPlanningRecord(path: string, format = 'auto'): Promise<PlanningMeshRecord> {
  return (await load(path, { format })) as PlanningMeshRecord;
}
