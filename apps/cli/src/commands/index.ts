/** Engine commands, each installed from its own module (convert and inspect are built into program.ts). */
import type { CommandInstaller } from '../program.js';
import { installDemo } from './demo.js';
import { installEvaluate } from './evaluate.js';
import { installLedger } from './ledger.js';
import { installMesh } from './mesh.js';
import { installRecommend } from './recommend.js';
import { installSynth } from './synth.js';
import { installWorker } from './worker.js';

export const installers: readonly CommandInstaller[] = [installSynth, installMesh, installLedger, installRecommend, installEvaluate, installWorker, installDemo];
