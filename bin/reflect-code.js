#!/usr/bin/env node
// The only place that sets the process's exit code; everything else returns it.
import { run } from '../dist/cli/program.js';

// A reader that stops early (`reflect-code --help | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv);
