// A read-only view over (state, context) for questions: the current draft, names, labels.
import type { Organisation, Person, Unit } from '../model/organisation.js';
import { isExternalKind } from '../model/organisation.js';
import type { Performer, Process, StepNode } from '../model/process.js';
import { isStep } from '../model/process.js';
import { nodeById, stepNo } from '../model/flow-edit.js';
import type { Context, Cursor, Env, InterviewState } from './types.js';
import { type Bilingual, textFor } from '../language/bilingual.js';

export class View {
  /** Units added during this step (party.new), visible before the caller stores them. */
  readonly addedUnits: Unit[] = [];

  constructor(
    readonly state: InterviewState,
    readonly ctx: Context,
    readonly env: Env,
  ) {}

  get lang() {
    return this.state.lang;
  }

  t(m: Bilingual): string {
    return textFor(m, this.lang);
  }

  get cursor(): Cursor {
    return this.state.cursor;
  }

  /** Units of the organisation plus those added in this chat and not yet reloaded. */
  units(): Unit[] {
    return [...(this.ctx.organisation?.units ?? []), ...this.addedUnits];
  }

  org(): Organisation | null {
    return this.ctx.organisation;
  }

  person(): Person | null {
    const id = this.state.personId;
    return this.ctx.person ?? this.ctx.organisation?.people.find((p) => p.id === id) ?? null;
  }

  unit(id: string | null | undefined): Unit | undefined {
    return id ? this.units().find((u) => u.id === id) : undefined;
  }

  unitName(id: string | null | undefined): string {
    const u = this.unit(id);
    return u ? (u.shortName ?? u.name) : (id ?? '?');
  }

  isExternal(id: string | null | undefined): boolean {
    const u = this.unit(id);
    return !!u && isExternalKind(u.kind);
  }

  draft(pid = this.cursor.pid): Process | undefined {
    return this.state.drafts.find((p) => p.id === pid);
  }

  node(nid = this.cursor.nid, pid = this.cursor.pid): StepNode | undefined {
    const flow = this.draft(pid)?.flow;
    const n = flow && nid ? nodeById(flow, nid) : undefined;
    return n && isStep(n) ? n : undefined;
  }

  stepNo(nid = this.cursor.nid): number {
    const flow = this.draft()?.flow;
    return (flow && nid && stepNo(flow, nid)) || 0;
  }

  stepCount(pid = this.cursor.pid): number {
    return this.draft(pid)?.flow?.nodes.filter(isStep).length ?? 0;
  }

  /** "Kasubbag Perencanaan — Bag. Perencanaan dan Keuangan", or just the party's name. */
  performerLabel(p: Performer | null | undefined): string {
    if (!p) return this.lang === 'en' ? '(no performer)' : '(belum ada pelaksana)';
    return p.position ? `${p.position} — ${this.unitName(p.unitId)}` : this.unitName(p.unitId);
  }

  /** Performers already used in the current draft, in first-use order. */
  usedPerformers(): Performer[] {
    const out: Performer[] = [];
    for (const n of this.draft()?.flow?.nodes ?? []) {
      if (isStep(n) && n.performer && !out.some((p) => samePerformer(p, n.performer!)))
        out.push(n.performer);
    }
    return out;
  }

  /** Positions known in a unit: from the people registered there and the performers used. */
  knownPositions(unitId: string): string[] {
    const fromPeople = (this.ctx.organisation?.people ?? [])
      .filter((p) => p.unitId === unitId)
      .map((p) => p.position);
    const fromFlows = this.state.drafts
      .flatMap((d) => d.flow?.nodes ?? [])
      .filter(isStep)
      .filter((n) => n.performer?.unitId === unitId && n.performer.position)
      .map((n) => n.performer!.position!);
    return [...new Set([...fromPeople, ...fromFlows])];
  }
}

export function samePerformer(a: Performer, b: Performer): boolean {
  return (
    a.unitId === b.unitId && (a.position ?? '').toLowerCase() === (b.position ?? '').toLowerCase()
  );
}
