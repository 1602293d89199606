// Stored interview states are checked with their schema when read: an older version is upgraded,
// an unknown version or a broken shape is reported and the stored state is kept, never replaced.
import { describe, expect, it } from 'vitest';
import {
  type InterviewState,
  STATE_VERSION,
  StateShapeError,
  StateVersionError,
  questionnaire,
  readState,
} from '../../core/interview/index.js';
import { ConversationService } from '../../bot/conversation/service.js';
import { silentLogger } from '../../bot/log.js';
import { loadInterview, saveInterview } from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { renjaWorld } from '../support/renja.js';
import { newChat } from '../support/scenario.js';

/** A state of the current version, as stored: Rina in the middle of describing a process. */
function storedState(): Record<string, unknown> {
  const { organisation, processes } = renjaWorld();
  const rina = newChat(organisation, 'rina', processes);
  rina.press('Proses baru');
  rina.say('Penyusunan Renja');
  return JSON.parse(JSON.stringify(rina.state)) as Record<string, unknown>;
}

describe('reading a stored interview state', () => {
  it('gives the current version back as it was stored', () => {
    const raw = storedState();
    expect(readState(structuredClone(raw), questionnaire)).toEqual(raw);
  });

  it('upgrades version 1, whose history held whole states', () => {
    const raw = storedState() as unknown as InterviewState;
    const v1 = {
      ...raw,
      v: 1,
      history: [{ note: 'menu', cursor: { q: 'menu' }, drafts: [], work: raw.work }],
    };
    const s = readState(JSON.parse(JSON.stringify(v1)), questionnaire);
    expect(s.v).toBe(STATE_VERSION);
    expect(s.history).toHaveLength(1);
    expect(s.history[0]).toMatchObject({ note: 'menu', h: expect.any(String) });
  });

  it('reports an unknown version, naming it', () => {
    const read = () => readState({ ...storedState(), v: 3 }, questionnaire);
    expect(read).toThrow(StateVersionError);
    expect(read).toThrow('interview state version 3 is not known');
    expect(() => readState({ cursor: { q: 'menu' } }, questionnaire)).toThrow(
      'interview state version undefined is not known',
    );
    expect(() => readState(null, questionnaire)).toThrow(StateVersionError);
  });

  it('reports a shape that does not match the version, by path and never by value', () => {
    const raw = storedState();
    const broken = { ...raw, rev: 'Rahasia', drafts: [{ name: 'Rahasia' }] };
    const read = () => readState(broken, questionnaire);
    expect(read).toThrow(StateShapeError);
    try {
      read();
    } catch (e) {
      expect((e as StateShapeError).paths[0]).toBe('rev (invalid_type)');
      expect((e as Error).message).not.toContain('Rahasia');
    }
  });

  // Protection: history.ts checks a delta's result with the snapshot schema when it decodes it
  // (readState checks deltas only shallowly). Without it /kembali restores a cursor on no
  // question, and the next step throws.
  it('checks a history delta when /kembali decodes it, and refuses one that does not fit', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.press('Proses baru');
    const raw = JSON.parse(JSON.stringify(rina.state)) as InterviewState;
    const last = raw.history.at(-1)!;
    expect('d' in last).toBe(true);
    raw.history[raw.history.length - 1] = {
      ...last,
      d: { o: { cursor: { v: 'nonsense' } } },
    } as never;
    rina.state = readState(raw, questionnaire);
    const refusalsBefore = rina.refusals;
    rina.say('/kembali');
    expect(rina.refusals).toBe(refusalsBefore + 1);
    expect(rina.said.at(-1)![0]).toEqual({
      kind: 'text',
      text: 'Tidak ada yang bisa dikembalikan.',
    });
  });

  it('moves a cursor on a question the questionnaire no longer has back to the review', () => {
    const raw = storedState() as unknown as InterviewState;
    const pid = raw.cursor.pid!;
    const stale = {
      ...raw,
      cursor: { q: 'process.dropped', pid },
      work: { ...raw.work, returnTo: [{ q: 'process.dropped' }, { q: 'menu' }] },
    };
    const s = readState(JSON.parse(JSON.stringify(stale)), questionnaire);
    expect(s.cursor).toEqual({ q: 'review.confirm', pid });
    expect(s.work.returnTo).toEqual([{ q: 'menu' }]);
  });
});

forEachDatabase('a chat whose stored state cannot be read', (getDb) => {
  // Protection: readState throws on an unknown version instead of handing back something the
  // service would take for "no interview yet". Without it the service starts a fresh interview
  // and stores it over the unread one: the person's work is gone without a word.
  it('is refused with the error, and its stored state stays as it was', async () => {
    const { db } = getDb();
    const chatKey = 'terminal:future';
    const future = { ...storedState(), v: STATE_VERSION + 1 };
    await saveInterview(db, {
      chatKey,
      personId: null,
      state: future,
      stateVersion: STATE_VERSION + 1,
    });
    const service = new ConversationService({ db, questionnaire, log: silentLogger });

    await expect(
      service.handle({
        platform: 'terminal',
        updateKey: 'u1',
        chatKey,
        identity: { kind: 'local', personId: null, organisationId: null },
        input: { kind: 'text', text: 'Penyusunan Renja' },
      }),
    ).rejects.toThrow(StateVersionError);

    const stored = await loadInterview(db, chatKey);
    expect(stored).toMatchObject({ revision: 1, stateVersion: STATE_VERSION + 1 });
    expect(stored!.state).toEqual(future);
  });
});
