/** Everything the server holds in memory: subjects (with their meshes) and evaluation runs, both bounded. */
import type { Engines } from '../engines/capabilities.js';
import type { MeshSession } from '../engines/mesh-session.js';
import type { Subject } from '../engines/subject-factory.js';
import { NotFoundError } from '../errors.js';
import { BoundedMap } from './bounded-map.js';

export interface SubjectRecord {
  subject: Subject;
  mesh?: MeshSession;
  /** Recommendation results by `months/seed/asOf` (they are deterministic, so a repeat is served from here). */
  recommendations: Map<string, unknown>;
}

export interface EvaluationRecord {
  id: string;
  status: 'running' | 'done' | 'failed';
  request: { subjects: number; seed: number; workers: number; asOf: string };
  result?: unknown;
  error?: unknown;
}

export interface AppConfig {
  /** The server's "today" for new subjects (an input, never the wall clock). */
  asOf: string;
  maxSubjects: number;
  maxEvaluations: number;
  /** Largest JSON request body, bytes. */
  bodyLimit: number;
  /** Largest upload to /api/convert, bytes. */
  convertBodyLimit: number;
  /** Largest decompressed value /api/convert will build, bytes. */
  convertMaxDecompressedBytes: number;
}

export class AppState {
  readonly subjects: BoundedMap<string, SubjectRecord>;
  readonly evaluations: BoundedMap<string, EvaluationRecord>;
  private counter = 0;

  constructor(readonly config: AppConfig, readonly engines: Engines) {
    this.subjects = new BoundedMap(config.maxSubjects);
    this.evaluations = new BoundedMap(config.maxEvaluations);
  }

  /** A fresh sequence number for ids (profile variants, evaluation runs). */
  nextNumber(): number {
    return ++this.counter;
  }

  subject(id: string): SubjectRecord {
    const record = this.subjects.get(id);
    if (!record) throw new NotFoundError('subject', id, 'params.id');
    return record;
  }

  mesh(id: string): MeshSession {
    const record = this.subject(id);
    if (!record.mesh) throw new NotFoundError('mesh for subject', id, 'params.id');
    return record.mesh;
  }
}
