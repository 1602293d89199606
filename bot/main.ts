// `npm start`: the same as `probis start` (bot/start.ts), through the CLI's error handling.
import { run } from './cli.js';

run(['start']);
