#!/usr/bin/env node
// The only place that sets the process's exit code; everything else returns it.
import { run } from '../dist/cli/program.js';

process.exitCode = await run(process.argv);
