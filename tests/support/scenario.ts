// A scenario vocabulary for interview tests: a person says things, presses buttons, and we look
// at what the bot said and at the map that came out. The world is kept in memory.
import { invitationText, telegramRedeem } from '../../bot/conversation/invitation-text.js';
import { ExchangeDocument, type Organisation, type Process } from '../../core/model/index.js';
import {
  type Context,
  type Input,
  type InterviewState,
  type Outbound,
  applyEffects,
  contextOf,
  initialState,
  questionnaire,
  readState,
  step,
} from '../../core/interview/index.js';
import type { World } from '../../core/interview/apply-effects.js';
import { readFileSync } from 'node:fs';

export function renjaDocument(): ExchangeDocument {
  return ExchangeDocument.parse(
    JSON.parse(readFileSync(new URL('../fixtures/renja-setda.json', import.meta.url), 'utf8')),
  );
}

export class Chat {
  world: World;
  state: InterviewState;
  said: Outbound[][] = [];
  refusals = 0;
  /** The Telegram bot's username: invitations are shown as Telegram would show them. */
  telegramBot: string | null = null;
  private ids = 0;

  constructor(
    world: World,
    readonly personId: string | null,
  ) {
    this.world = structuredClone(world);
    this.state = initialState(questionnaire, this.ctx());
  }

  ctx(): Context {
    return contextOf(this.world, this.personId);
  }

  private env() {
    return { now: '2026-11-23T08:00:00.000Z', newId: () => `id${++this.ids}` };
  }

  send(input: Input): Outbound[] {
    const r = step(questionnaire, this.state, input, this.ctx(), this.env());
    this.world = applyEffects(this.world, r.effects);
    // Every state must survive a trip through storage (JSON) and be readable again.
    this.state = readState(JSON.parse(JSON.stringify(r.state)), questionnaire);
    if (r.refused) this.refusals++;
    this.said.push(r.outbound);
    return r.outbound;
  }

  say(text: string): Outbound[] {
    return this.send({ kind: 'text', text });
  }

  /** Presses the button labelled `label` (exact or prefix) on the current question. */
  press(label: string): Outbound[] {
    const q = this.question();
    const c =
      q.choices.find((x) => x.label === label) ?? q.choices.find((x) => x.label.startsWith(label));
    if (!c)
      throw new Error(
        `no button "${label}" on ${q.questionId}: ${q.choices.map((x) => x.label).join(' | ')}`,
      );
    return this.send({ kind: 'choice', questionId: q.questionId, optionId: c.id, rev: q.rev });
  }

  question(): Extract<Outbound, { kind: 'question' }> {
    const last = this.said[this.said.length - 1] ?? [];
    const q = [...last].reverse().find((o) => o.kind === 'question');
    if (!q || q.kind !== 'question') throw new Error('the bot asked nothing');
    return q;
  }

  lastText(): string {
    return (this.said[this.said.length - 1] ?? [])
      .map((o) =>
        o.kind === 'invitation'
          ? invitationText(o, telegramRedeem(o.token, this.telegramBot))
          : 'text' in o
            ? o.text
            : 'outline' in o
              ? o.outline
              : o.caption,
      )
      .join('\n');
  }

  process(name: string): Process {
    const p = this.world.processes.find((x) => x.name === name);
    if (!p) throw new Error(`no stored process "${name}"`);
    return p;
  }
}

export function newChat(
  org: Organisation | null,
  personId: string | null,
  processes: Process[] = [],
): Chat {
  const c = new Chat({ organisation: org, processes }, personId);
  c.send({ kind: 'resume' });
  return c;
}

/**
 * A process with its ids replaced by their order of appearance, edges sorted: two processes
 * that say the same thing compare equal whatever ids the interview drew.
 */
export function canonical(p: Process): unknown {
  const ids = new Map<string, string>();
  const flow = p.flow;
  flow?.nodes.forEach((n, i) =>
    ids.set(n.id, n.kind === 'start' || n.kind === 'end' ? n.kind : `s${i}`),
  );
  const edges = (flow?.edges ?? [])
    .map((e) => ({ ...e, id: '', from: ids.get(e.from)!, to: ids.get(e.to)! }))
    .sort((a, b) => `${a.from}>${a.to}>${a.label}`.localeCompare(`${b.from}>${b.to}>${b.label}`));
  return {
    code: p.code,
    name: p.name,
    category: p.category,
    ownerUnitId: p.ownerUnitId,
    legalBasis: p.legalBasis,
    sipoc: {
      inputs: p.sipoc.inputs.map((i) => ({ name: i.name, party: i.party })),
      outputs: p.sipoc.outputs.map((o) => ({ name: o.name, party: o.party })),
    },
    nodes: flow?.nodes.map((n) => ({ ...n, id: ids.get(n.id) })),
    edges,
  };
}
