// The coordination desk over an in-memory world, for pure engine tests: a Chat whose context
// always carries the desk (the service loads it only when a step needs it; the engine cannot tell).
import type { Campaign, Desk, DeskReview, PersonActivity } from '../../core/coordination/types.js';
import type { Context } from '../../core/interview/index.js';
import type { Organisation, Person, Process } from '../../core/model/index.js';
import { Chat } from './scenario.js';

export type DeskExtras = {
  reviews?: DeskReview[];
  campaigns?: Campaign[];
  activity?: PersonActivity[];
};

export function deskOf(org: Organisation, processes: Process[], x: DeskExtras = {}): Desk {
  return {
    organisation: org,
    processes,
    reviews: x.reviews ?? [],
    campaigns: x.campaigns ?? [],
    activity:
      x.activity ??
      org.people.map((p) => ({
        personId: p.id,
        lastAnswerAt: null,
        lastRemindedAt: null,
        joined: true,
      })),
  };
}

export class DeskChat extends Chat {
  constructor(
    org: Organisation,
    processes: Process[],
    personId: string,
    readonly extras: DeskExtras = {},
  ) {
    super({ organisation: org, processes }, personId);
  }

  override ctx(): Context {
    const base = super.ctx();
    return { ...base, desk: deskOf(this.world.organisation!, this.world.processes, this.extras) };
  }
}

/** A person of a test organisation. */
export function person(
  id: string,
  unitId: string,
  position: string,
  roles: Person['roles'] = ['respondent'],
): Person {
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    position,
    unitId,
    roles,
    nip: null,
    accounts: [],
    language: 'id',
  };
}
