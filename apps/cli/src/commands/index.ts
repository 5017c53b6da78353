/** Engine commands, each installed from its own module (convert and inspect are built into program.ts). */
import type { CommandInstaller } from '../program.js';

export const installers: readonly CommandInstaller[] = [];
