// An interview stopped after any answer and resumed later ends in the same model: in the engine
// (state stored as JSON after every answer) for every cut point, and in real processes of
// `probis chat --jsonl` on one PGlite folder for a few cut points.
import { describe, expect, it } from 'vitest';
import { readState, questionnaire } from '../../core/interview/index.js';
import { ExchangeDocument } from '../../core/model/index.js';
import { Chat, canonical, newChat } from '../support/scenario.js';
import { renjaTranscript, renjaWorld } from '../support/renja.js';
import { migratedPgliteDir } from '../support/db.js';
import { ROOT, probis } from '../support/cli.js';
import path from 'node:path';
import type { TranscriptLine } from '../../bot/commands/replay.js';

function tell(chat: Chat, lines: TranscriptLine[]) {
  for (const l of lines) {
    if (l.kind === 'press') chat.press(l.value);
    else chat.say(l.value);
  }
}

describe('resuming an interview', () => {
  const lines = renjaTranscript();
  const { organisation, processes, expected } = renjaWorld();

  it('after any answer, from the stored state alone, ends in the same model', () => {
    for (let k = 0; k <= lines.length; k++) {
      const first = newChat(organisation, 'rina', processes);
      tell(first, lines.slice(0, k));
      // A new process: nothing but the stored JSON state and the stored world.
      const second = new Chat(first.world, 'rina');
      second.state = readState(JSON.parse(JSON.stringify(first.state)), questionnaire);
      second.send({ kind: 'resume' });
      tell(second, lines.slice(k));
      second.press('Sudah benar');
      const p = second.world.processes.find((x) => x.code === '03.01');
      expect(p && canonical(p), `cut after answer ${k}`).toEqual(canonical(expected));
    }
  });

  it('in new processes of probis chat --jsonl on the same data folder', async () => {
    const toJsonl = (l: TranscriptLine) =>
      JSON.stringify(l.kind === 'press' ? { choice: l.value } : { text: l.value });
    for (const k of [9, 37, 62]) {
      const env = { PROBIS_DATA_DIR: await migratedPgliteDir() };
      expect(
        (await probis(['import', path.join(ROOT, 'tests/fixtures/renja-start.json')], { env }))
          .code,
      ).toBe(0);
      const a = await probis(['chat', '--jsonl', '--person', 'rina'], {
        env,
        input: lines.slice(0, k).map(toJsonl).join('\n') + '\n',
      });
      expect(a.code).toBe(0);
      const rest = [...lines.slice(k).map(toJsonl), JSON.stringify({ choice: 'Sudah benar' })];
      const b = await probis(['chat', '--jsonl', '--person', 'rina'], {
        env,
        input: rest.join('\n') + '\n',
      });
      expect(b.code).toBe(0);
      expect(b.stdout).not.toContain('"type":"error"');
      const doc = ExchangeDocument.parse(JSON.parse((await probis(['export'], { env })).stdout));
      const p = doc.processes.find((x) => x.code === '03.01')!;
      expect(p.status, `cut after answer ${k}`).toBe('submitted');
      expect(canonical(p), `cut after answer ${k}`).toEqual(canonical(expected));
    }
  }, 240_000);
});
