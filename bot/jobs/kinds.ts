// The registry of job kinds: a later kind (reminders, documents) is one more entry here.
import { cleanup } from './cleanup.js';
import { renderMap } from './render-map.js';
import type { JobKind } from './types.js';

export const JOB_KINDS: readonly JobKind<never>[] = [renderMap, cleanup] as JobKind<never>[];
