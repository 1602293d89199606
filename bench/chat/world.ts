// The world the probis bot is benchmarked in, and what its simulated people say.
//
// One organisation (the Renja organisation of the tests, kab-contoh) with PEOPLE respondents in 50
// extra units, each with a one-time invitation, plus "penata", already bound, whose interview is
// parked in the review of a 100-activity process (syntheticProcess(100)): renaming it (/nama)
// re-sends the review, whose map is rendered afresh (new content, so no cache hit) by the outbox
// sender's renderer workers.
//
// Interviews in progress are seeded, not chatted: the probis bot does 10-50 messages a second
// here, so talking 1,000 people through 20 answers each would take most of the time budget. For
// each person the driver runs the pure interview engine (the same `step` the bot runs) through
// the start of the Renja transcript with a process name of their own, and stores the resulting
// interview state and draft process (with a code of their own, 03.<i>). In the unmeasured
// warm-up each person then binds their Telegram account with /start <token>, which resumes that
// interview. People 1..ACTIVE are 19 lines in (step 1 complete, step 2's activity and performer
// given, at the kelengkapan question); the others are 11 lines in (SIPOC and legal basis given,
// at the first step): 1,000 interviews in progress in all.
//
// The active people then answer, for ever, a cycle of six real inputs inside step 2: kelengkapan
// (text), waktu (button "1 hari"), output (text), then /kembali three times back to the
// kelengkapan question. Three answers that change the process (each saves it), three
// navigations, one button press; the state and the process stay the same size however long it
// runs. Each input carries the number of bot messages that answer it, from the same engine run,
// so the driver knows which message ends a reply.
import {
  type Db,
  createInvitation,
  loadProcess,
  saveInterview,
  saveOrganisation,
  saveProcess,
} from '../../db/index.js';
import {
  type Input as EngineInput,
  type InterviewState,
  type Outbound,
  STATE_VERSION,
  type World,
  applyEffects,
  historyFromSnapshots,
  contextOf,
  initialState,
  questionnaire,
  readState,
  snapshotsNewestFirst,
  step,
} from '../../core/interview/index.js';
import type { Organisation, Person, Unit } from '../../core/model/index.js';
import { renjaTranscript, renjaWorld } from '../../tests/support/renja.js';
import { syntheticProcess } from '../../tests/renderers/synthetic.js';

export const ORG_ID = 'kab-contoh';
export const RENDER_CHAT = 9_000_001;
export const RENDER_PERSON = 'penata';
export const REVIEW_QUESTION = 'Apakah peta ini sudah benar?';
const UNITS = 50;
const ACTIVE_LINES = 19;

export const personIdOf = (i: number) => `pegawai-${String(i).padStart(4, '0')}`;
export const chatIdOf = (i: number) => 100_000 + i;

export type Input = { kind: 'text' | 'press'; value: string };
export type Step = Input & { expect: number };
export type Script = { warm: Step[]; cycle: Step[] };

const CYCLE: Input[] = [
  { kind: 'text', value: 'Disposisi' },
  { kind: 'press', value: '1 hari' },
  { kind: 'text', value: 'Nota dinas permintaan usulan' },
  { kind: 'text', value: '/kembali' },
  { kind: 'text', value: '/kembali' },
  { kind: 'text', value: '/kembali' },
];

/** The organisation with `people` respondents (1-based) and the render person. */
export function benchOrganisation(people: number): Organisation {
  const org = structuredClone(renjaWorld().organisation);
  for (const u of syntheticProcess(100).org.units)
    if (!org.units.some((x) => x.id === u.id)) org.units.push(u);
  for (let k = 1; k <= UNITS; k++)
    org.units.push({
      id: `unit-${k}`,
      name: `Bagian Uji ${k}`,
      kind: 'bagian',
      parentId: 'setda',
      shortName: null,
    } as Unit);
  const base = org.people.find((p) => p.id === 'rina')!;
  for (let i = 1; i <= people; i++)
    org.people.push({
      ...base,
      id: personIdOf(i),
      name: `Pegawai ${i}`,
      unitId: `unit-${(i % UNITS) + 1}`,
      accounts: [],
    } as Person);
  org.people.push({
    ...base,
    id: RENDER_PERSON,
    name: 'Penata',
    position: 'Kasubbag Tata Usaha',
    unitId: 'bag-umum',
    accounts: [{ platform: 'telegram', id: String(RENDER_CHAT) }],
  } as Person);
  return org;
}

/** The pure engine on an in-memory world, as the bot would run it for one person. */
class Shadow {
  state: InterviewState;
  private world: World;
  private ids = 0;
  private last: Outbound[] = [];
  constructor(
    org: Organisation,
    private readonly personId: string,
    private readonly idPrefix: string,
  ) {
    this.world = {
      organisation: org,
      processes: renjaWorld().processes.map((p) => ({ ...p, version: 1 })),
    };
    this.state = initialState(questionnaire, contextOf(this.world, personId));
  }
  send(input: EngineInput): Outbound[] {
    const r = step(questionnaire, this.state, input, contextOf(this.world, this.personId), {
      now: new Date().toISOString(),
      newId: () => `${this.idPrefix}-${++this.ids}`,
    });
    if (r.refused) throw new Error(`the engine refused ${JSON.stringify(input)}`);
    this.world = applyEffects(this.world, r.effects);
    this.state = readState(JSON.parse(JSON.stringify(r.state)), questionnaire);
    this.last = r.outbound;
    return r.outbound;
  }
  /** Replaces the world's copy of a process (as the database now stores it). */
  stored(p: World['processes'][number]): void {
    this.world = {
      ...this.world,
      processes: [...this.world.processes.filter((x) => x.id !== p.id), p],
    };
  }
  input(x: Input): Outbound[] {
    if (x.kind === 'text') return this.send({ kind: 'text', text: x.value });
    const q = [...this.last].reverse().find((o) => o.kind === 'question');
    if (!q || q.kind !== 'question') throw new Error('no question to press a button of');
    const c =
      q.choices.find((o) => o.label === x.value) ??
      q.choices.find((o) => o.label.startsWith(x.value));
    if (!c) throw new Error(`no button "${x.value}" on ${q.questionId}`);
    return this.send({ kind: 'choice', questionId: q.questionId, optionId: c.id, rev: q.rev });
  }
}

/** Bot messages an outbound list becomes in Telegram (no maps in these scripts). */
function messagesOf(out: Outbound[]): number {
  if (out.some((o) => o.kind === 'map'))
    throw new Error('a map in the chat script: its message count is not known');
  return out.length;
}

/**
 * Seeds the database and returns each person's script: /start <token> (binds, resumes the seeded
 * interview), then, for the first `active` people, the cycle.
 */
export async function seedWorld(
  db: Db,
  people: number,
  active: number,
  memoryLines: number,
): Promise<Script[]> {
  const org = benchOrganisation(people);
  await saveOrganisation(db, org, { system: 'bench' });
  for (const p of renjaWorld().processes)
    await saveProcess(db, {
      organisationId: ORG_ID,
      process: { ...p, version: 0 },
      expectedVersion: 0,
      actor: { system: 'bench' },
    });

  // The render person: a 100-activity draft, in its review.
  const syn = syntheticProcess(100).process;
  await saveProcess(db, {
    organisationId: ORG_ID,
    process: { ...syn, version: 0 },
    expectedVersion: 0,
    actor: { system: 'bench' },
  });
  const synStored = await loadProcess(db, { processId: syn.id });
  if (!synStored) throw new Error('synthetic process not stored');
  const penata = initialState(
    questionnaire,
    contextOf({ organisation: org, processes: [] }, RENDER_PERSON),
  );
  penata.drafts.push(synStored);
  penata.cursor = { q: 'review.confirm', pid: synStored.id };
  // Its Telegram account is linked already: its interview is its person's conversation.
  await saveInterview(db, {
    chatKey: `person:${RENDER_PERSON}`,
    personId: RENDER_PERSON,
    state: readState(JSON.parse(JSON.stringify(penata)), questionnaire),
    stateVersion: STATE_VERSION,
  });

  const transcript = renjaTranscript();
  if (transcript[1]?.kind !== 'text')
    throw new Error('Renja transcript changed: line 2 is no longer the process name');
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  const scripts: Script[] = [];
  for (let i = 1; i <= people; i++) {
    const pid = personIdOf(i);
    const shadow = new Shadow(org, pid, `b${i}`);
    shadow.send({ kind: 'resume' });
    const lines = transcript.slice(0, i <= active ? ACTIVE_LINES : memoryLines);
    lines.forEach((l, k) =>
      shadow.input({ kind: l.kind, value: k === 1 ? `Penyusunan Rencana Kerja ${i}` : l.value }),
    );
    // The draft with a code of its own, stored; the state (and its history) pointing at it.
    const state = shadow.state;
    const draft = state.drafts[0]!;
    const code = `03.${i < 1000 ? String(i).padStart(2, '0') : String(i - 1000).padStart(3, '0')}`; // codes have 1-3 digits
    await saveProcess(db, {
      organisationId: ORG_ID,
      process: { ...draft, code, version: 0 },
      expectedVersion: 0,
      actor: { system: 'bench' },
    });
    const stored = await loadProcess(db, { processId: draft.id });
    if (!stored) throw new Error(`draft of ${pid} not stored`);
    const fix = (d: { id: string; code: string; version: number }) => {
      if (d.id === draft.id) {
        d.code = code;
        d.version = stored.version;
      }
    };
    // The history holds deltas against the state after it: change the whole states, then
    // make the deltas again.
    const earlier = [...snapshotsNewestFirst(state.history, state)].reverse();
    state.drafts[0] = stored;
    for (const { snapshot } of earlier) snapshot.drafts.forEach(fix);
    state.history = historyFromSnapshots(
      earlier.map((e) => e.snapshot),
      state,
    );
    const seeded = readState(JSON.parse(JSON.stringify(state)), questionnaire);
    await saveInterview(db, {
      chatKey: `telegram:${chatIdOf(i)}`,
      personId: pid,
      state: seeded,
      stateVersion: STATE_VERSION,
    });
    const { token } = await createInvitation(db, {
      organisationId: ORG_ID,
      personId: pid,
      createdBy: { system: 'bench' },
      expiresAt,
    });
    // What the bot will say: welcome + the resumed question; then the cycle.
    shadow.state = seeded;
    shadow.stored(stored);
    const warm: Step[] = [
      {
        kind: 'text',
        value: `/start ${token}`,
        expect: 1 + messagesOf(shadow.send({ kind: 'resume' })),
      },
    ];
    const cycle =
      i <= active ? CYCLE.map((x) => ({ ...x, expect: messagesOf(shadow.input(x)) })) : [];
    scripts.push({ warm, cycle });
  }
  return scripts;
}
