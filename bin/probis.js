#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx probis` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../bot/cli.ts');
run(process.argv.slice(2));
