// The Renja example told as Rina would tell it: shared by interview, channel and bench tests.
// The transcript is data (tests/fixtures/renja-transcript.txt, the `probis replay` format).
import { readFileSync } from 'node:fs';
import { type TranscriptLine, parseTranscript } from '../../bot/commands/replay.js';
import { expect } from 'vitest';
import { type Chat, newChat, renjaDocument } from './scenario.js';

export const RENJA_TRANSCRIPT_FILE = new URL('../fixtures/renja-transcript.txt', import.meta.url);

export function renjaTranscript(): TranscriptLine[] {
  return parseTranscript(readFileSync(RENJA_TRANSCRIPT_FILE, 'utf8'));
}

export function renjaWorld() {
  const doc = renjaDocument();
  const group = doc.processes.find((p) => p.code === '03')!;
  return {
    organisation: doc.organisation,
    processes: [group],
    expected: doc.processes.find((p) => p.code === '03.01')!,
  };
}

/** The whole Renja interview, by button presses and text, as Rina would answer. */
export function tellRenja(chat: Chat): void {
  for (const l of renjaTranscript()) {
    if (l.kind === 'press') chat.press(l.value);
    else chat.say(l.value);
  }
}

/** Rina with the Renja process questions answered, at the first step's question. */
export function renjaAtFirstStep(): Chat {
  const { organisation, processes } = renjaWorld();
  const rina = newChat(organisation, 'rina', processes);
  rina.press('Proses baru');
  rina.say('Penyusunan Rencana Kerja');
  rina.press('Manajemen');
  rina.press('03 Perencanaan dan Penganggaran');
  rina.say('Bappeda');
  rina.say('Surat edaran');
  rina.press('Tidak');
  rina.say('Renja');
  rina.say('Bappeda');
  rina.press('Tidak');
  rina.say('/lewati');
  expect(rina.question().questionId).toBe('activity.name');
  return rina;
}
