// Applies an interview's effects to an in-memory organisation and process list. The database
// layer does the same in SQL; this one serves replays, exports and tests without storage.
import type { Organisation } from '../model/organisation.js';
import type { Process } from '../model/process.js';
import type { Context, Effect, ProcessSummary } from './types.js';

export type World = { organisation: Organisation | null; processes: Process[] };

export class VersionConflictError extends Error {}

export function applyEffects(world: World, effects: Effect[]): World {
  let { organisation, processes } = world;
  for (const e of effects) {
    switch (e.kind) {
      case 'create-organisation':
        organisation = structuredClone(e.organisation);
        break;
      case 'add-unit':
        if (organisation)
          organisation = { ...organisation, units: [...organisation.units, e.unit] };
        break;
      case 'register-person':
        if (organisation)
          organisation = { ...organisation, people: [...organisation.people, e.person] };
        break;
      case 'set-language':
        if (organisation)
          organisation = {
            ...organisation,
            people: organisation.people.map((p) =>
              p.id === e.personId ? { ...p, language: e.language } : p,
            ),
          };
        break;
      case 'save-process': {
        const stored = processes.find((p) => p.id === e.process.id);
        if ((stored?.version ?? 0) !== e.process.version)
          throw new VersionConflictError(
            `process ${e.process.id}: expected version ${e.process.version}, stored ${stored?.version ?? 0}`,
          );
        const saved = { ...structuredClone(e.process), version: e.process.version + 1 };
        processes = stored
          ? processes.map((p) => (p.id === saved.id ? saved : p))
          : [...processes, saved];
        break;
      }
      // Records and messages to other people: the world's data does not change.
      case 'submitted':
      case 'create-invitation':
      case 'notify':
      case 'deliver':
      case 'create-campaign':
        break;
      // Reviews and answers are stored apart in the database; the replay world keeps the status.
      case 'review':
        processes = processes.map((p) =>
          p.id === e.processId && p.version === e.version
            ? { ...p, status: e.review === 'returned' ? 'draft' : e.review }
            : p,
        );
        break;
      case 'answer-handoff':
      case 'settle-handoff':
        break;
      // SOP details are stored apart from the processes; the replay world has none.
      case 'change-sop-details':
        break;
    }
  }
  return { organisation, processes };
}

export function summarise(p: Process): ProcessSummary {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    category: p.category,
    parentId: p.parentId,
    ownerUnitId: p.ownerUnitId,
    status: p.status,
    hasFlow: p.flow !== null,
  };
}

/** The engine's context from an in-memory world, for the person with `personId`. */
export function contextOf(world: World, personId: string | null): Context {
  return {
    organisation: world.organisation,
    person: world.organisation?.people.find((p) => p.id === personId) ?? null,
    processes: world.processes.map(summarise),
  };
}
