#!/usr/bin/env node
import { installers } from './commands/index.js';
import { processIo } from './io.js';
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2), processIo, installers);
