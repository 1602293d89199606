// The history behind /kembali and /urungkan is kept as deltas: each earlier state as the change
// from the state after it. These tests hold that going back gives exactly the earlier states,
// that the stored state stays small, and that a state changed behind the engine's back never
// restores something wrong.
import { describe, expect, it } from 'vitest';
import { applyDelta, encodeDelta, fingerprint } from '../../core/interview/delta.js';
import {
  type InterviewState,
  questionnaire,
  readState,
  snapshotsNewestFirst,
} from '../../core/interview/index.js';
import { newChat } from '../support/scenario.js';
import { renjaTranscript, renjaWorld } from '../support/renja.js';

/** Where the interview stands, without the fields a step back does not restore. */
const standing = (s: InterviewState) =>
  JSON.parse(
    JSON.stringify({
      cursor: s.cursor,
      drafts: s.drafts.map((d) => ({ ...d, version: 0 })),
      work: s.work,
    }),
  ) as unknown;

/** Rina tells the Renja process; every state after each answer is kept. */
function tellRenjaKeepingStates() {
  const w = renjaWorld();
  const chat = newChat(w.organisation, w.organisation.people[0]!.id, w.processes);
  const states: InterviewState[] = [structuredClone(chat.state)];
  for (const l of renjaTranscript()) {
    if (l.kind === 'press') chat.press(l.value);
    else chat.say(l.value);
    states.push(structuredClone(chat.state));
  }
  return { chat, states };
}

describe('the delta of one state against the next', () => {
  it('gives every earlier state of the Renja interview back, exactly', () => {
    const { states } = tellRenjaKeepingStates();
    for (let i = 1; i < states.length; i++) {
      const older = standing(states[i - 1]!);
      const newer = standing(states[i]!);
      const delta = encodeDelta(older, newer);
      expect(applyDelta(newer, delta)).toEqual(older);
      // And survives storage as JSON.
      expect(applyDelta(newer, JSON.parse(JSON.stringify(delta)))).toEqual(older);
    }
  });

  it('handles values that change kind, keys that come and go, and reordered lists', () => {
    const pairs: Array<[unknown, unknown]> = [
      [
        { a: 1, b: [1, 2, 3] },
        { b: [3, 2, 1, 4], c: 'x' },
      ],
      [
        [{ id: 'n1', name: 'A' }, { id: 'n2' }],
        [{ id: 'n2' }, { id: 'n1', name: 'B' }, 'z'],
      ],
      [null, { a: 1 }],
      [{ a: { b: { c: [1, { d: 2 }] } } }, { a: { b: { c: [{ d: 3 }] } } }],
      ['teks', ['teks']],
    ];
    for (const [older, newer] of pairs)
      expect(applyDelta(newer, encodeDelta(older, newer))).toEqual(older);
  });

  it('gives the earlier state back when the next one shares what did not change', () => {
    // As a step makes it: the unchanged parts are the same objects, not copies.
    const kept = { id: 'n1', name: 'Verifikasi', kelengkapan: ['KTP'] };
    const moved = { id: 'n2', name: 'Arsip' };
    const older = { cursor: { q: 'waktu' }, nodes: [kept, moved], notes: ['a'] };
    const newer = {
      ...older,
      cursor: { q: 'output' },
      nodes: [moved, kept, { id: 'n3', name: 'Kirim' }],
    };
    const delta = encodeDelta(older, newer);
    expect(applyDelta(newer, delta)).toEqual(older);
    expect(applyDelta(newer, JSON.parse(JSON.stringify(delta)))).toEqual(older);
    // The shared list of notes is not in the delta at all.
    expect(delta).not.toHaveProperty('o.notes');
  });
});

describe('the fingerprint a delta is checked against', () => {
  /** The fingerprint as stored histories carry it: FNV-1a over the canonical JSON text. */
  function textFingerprint(value: unknown): string {
    const canonical = (x: unknown): string => {
      if (Array.isArray(x)) return `[${x.map((e) => canonical(e ?? null)).join(',')}]`;
      if (typeof x === 'object' && x !== null)
        return `{${Object.keys(x)
          .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
          .join(',')}}`;
      return JSON.stringify(x ?? null);
    };
    const s = canonical(value);
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(16).padStart(8, '0');
  }

  it('is the one stored histories carry, for every state of the Renja interview', () => {
    const { states } = tellRenjaKeepingStates();
    for (const s of states) expect(fingerprint(standing(s))).toBe(textFingerprint(standing(s)));
    expect(fingerprint({ a: [1, 'dua', null, { b: true }], c: undefined })).toBe(
      textFingerprint({ a: [1, 'dua', null, { b: true }] }),
    );
  });

  it('does not depend on the order of object keys, and sees any change of a value', () => {
    expect(fingerprint({ a: 1, b: { c: [1, 2] } })).toBe(fingerprint({ b: { c: [1, 2] }, a: 1 }));
    expect(fingerprint({ a: 1, b: { c: [1, 2] } })).not.toBe(
      fingerprint({ a: 1, b: { c: [2, 1] } }),
    );
  });
});

describe('/kembali and /urungkan over the delta history', () => {
  it('/kembali ten times walks back through the last ten states exactly', () => {
    const { chat, states } = tellRenjaKeepingStates();
    const n = states.length - 1;
    for (let back = 1; back <= 10; back++) {
      chat.say('/kembali');
      expect(chat.lastText()).toContain('kembali ke pertanyaan sebelumnya');
      expect(standing(chat.state)).toEqual(standing(states[n - back]!));
    }
    chat.say('/kembali');
    expect(chat.lastText()).toContain('Tidak ada');
  });

  it('after a step back, a new answer and another /kembali return to the state in between', () => {
    const { chat, states } = tellRenjaKeepingStates();
    const n = states.length - 1;
    chat.say('/kembali');
    chat.say('/kembali');
    const between = standing(chat.state);
    expect(between).toEqual(standing(states[n - 2]!));
    chat.say('/kembali');
    expect(standing(chat.state)).toEqual(standing(states[n - 3]!));
  });

  it('keeps the stored state small: the whole Renja interview stays under 8 KB', () => {
    const { states } = tellRenjaKeepingStates();
    const largest = Math.max(...states.map((s) => JSON.stringify(s).length));
    // Whole states in the history made it 39 KB.
    expect(largest).toBeLessThan(8_000);
  });

  it('never restores a wrong state when the state was changed outside the interview', () => {
    const { chat } = tellRenjaKeepingStates();
    const tampered = structuredClone(chat.state);
    tampered.drafts[0]!.name = 'Diubah di luar wawancara';
    expect([...snapshotsNewestFirst(tampered.history, tampered)]).toEqual([]);
    chat.state = tampered;
    chat.say('/kembali');
    expect(chat.refusals).toBe(1);
    expect(chat.state.drafts[0]!.name).toBe('Diubah di luar wawancara');
  });

  it('reads a version 1 state (whole states in its history) and goes back through it', () => {
    const { chat, states } = tellRenjaKeepingStates();
    const n = states.length - 1;
    const earlier = [...snapshotsNewestFirst(chat.state.history, chat.state)]
      .reverse()
      .map((e) => e.snapshot);
    const v1 = { ...structuredClone(chat.state), v: 1, history: earlier };
    chat.state = readState(JSON.parse(JSON.stringify(v1)), questionnaire);
    expect(chat.state.v).toBe(2);
    chat.say('/kembali');
    expect(standing(chat.state)).toEqual(standing(states[n - 1]!));
  });
});
