// The registry of job kinds: a later kind (reminders, documents) is one more entry here.
import { cleanup } from './cleanup.js';
import { renderMap } from './render-map.js';
import { deliverEvents } from './deliver-events.js';
import { remind } from './remind.js';
import { renderPicture } from './render-picture.js';
import { renderDocument, renderFile } from './render-file.js';
import type { JobKind } from './types.js';

export const JOB_KINDS: readonly JobKind<never>[] = [
  renderMap,
  renderPicture,
  renderFile,
  renderDocument,
  cleanup,
  deliverEvents,
  remind,
] as JobKind<never>[];
