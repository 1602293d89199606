// Who performs a step, and what is handed over when the work changes unit.
import { outgoing, updateEdge, updateStep } from '../../model/flow-edit.js';
import type { Performer } from '../../model/process.js';
import { ask, editDraft } from '../ops.js';
import { continueStep, crossUnitEdgeWithoutDocument } from '../pipeline.js';
import { type View, samePerformer } from '../view.js';
import { isExternalUnit } from './sipoc.js';
import { resolvePerformers } from '../step-line.js';
import { nextExit } from './decision.js';
import { type Applied, type ChoiceDef, type Question, msg, valueOf } from './question.js';

function performerChoices(v: View): ChoiceDef[] {
  const me = v.person();
  const out: ChoiceDef[] = [];
  if (me) out.push({ id: 'me', label: msg(`Saya (${me.position})`, `Me (${me.position})`) });
  for (const [i, p] of v.usedPerformers().entries()) {
    if (me && samePerformer(p, { unitId: me.unitId, position: me.position })) continue;
    if (out.length >= 6) break;
    out.push({ id: `used:${i}`, label: v.performerLabel(p).slice(0, 60) });
  }
  out.push({
    id: 'same-unit',
    label: msg('Jabatan lain di unit saya', 'Another position in my unit'),
  });
  out.push({ id: 'other-unit', label: msg('Unit/pihak lain', 'Another unit/party') });
  out.push({ id: 'unknown', label: msg('Belum tahu jabatannya', 'Position not known') });
  return out;
}

function setPerformer(v: View, performer: Performer, others: Performer[] = []): Applied {
  const nid = v.cursor.nid!;
  editDraft(v, (p) => ({
    ...p,
    flow: updateStep(p.flow!, nid, { performer, coPerformers: others }),
  }));
  return { notes: continueStep(v, nid, 'performer') };
}

export const stepPerformer: Question = {
  id: 'step.performer',
  answer: 'choice',
  text: (v) => {
    const n = v.node()!;
    return n.kind === 'decision'
      ? msg(`Siapa yang memutuskan "${n.name}"?`, `Who decides "${n.name}"?`)
      : msg(
          `Siapa pelaksana langkah ${v.stepNo()} "${n.name}"?`,
          `Who performs step ${v.stepNo()} "${n.name}"?`,
        );
  },
  help: msg(
    'Pelaksana adalah jabatan di sebuah unit, misalnya "Kasubbag Umum". Bisa juga pihak luar seperti Pemohon. Boleh langsung ketik jabatannya; pelaksana bersama: "Kasubbag Umum bersama Bendahara". Bila belum tahu jabatannya, pilih "Belum tahu jabatannya": unit itu dapat melengkapinya nanti.',
    'The performer is a position in a unit, e.g. "Kasubbag Umum", or an outside party such as the applicant. You may type the position; joint performers: "Kasubbag Umum bersama Bendahara". If you do not know the position, pick "Position not known": that unit can fill it in later.',
  ),
  choices: performerChoices,
  free(v, text) {
    // Typed positions: known ones where they are, new ones in the person's own unit.
    const performers = resolvePerformers(v, text);
    if (!performers)
      return {
        refuse: msg(
          'Pilih "Unit/pihak lain" lalu sebutkan unitnya, misalnya "Bagian Umum".',
          'Pick "Another unit/party" and name the unit, e.g. "Bagian Umum".',
        ),
      };
    return setPerformer(v, performers[0]!, performers.slice(1));
  },
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const me = v.person();
    const { pid, nid, mode } = v.cursor;
    if (c === 'me' && me) return setPerformer(v, { unitId: me.unitId, position: me.position });
    if (c.startsWith('used:')) {
      const p = v.usedPerformers()[Number(c.slice(5))];
      if (p) return setPerformer(v, p);
    }
    if (c === 'unknown') {
      v.state.work.pickedUnit = undefined;
      ask(v, { q: 'step.performer_unit', pid, nid, ...(mode ? { mode } : {}) });
      return {
        notes: [
          msg(
            'Unit mana yang mengerjakannya? Jabatannya boleh belum diketahui.',
            'Which unit does it? The position may stay unknown.',
          ),
        ],
      };
    }
    if (c === 'same-unit' && me) {
      v.state.work.pickedUnit = me.unitId;
      ask(v, { q: 'step.performer_position', pid, nid, ...(mode ? { mode } : {}) });
      return {};
    }
    ask(v, { q: 'step.performer_unit', pid, nid, ...(mode ? { mode } : {}) });
    return {};
  },
};

export const stepPerformerUnit: Question = {
  id: 'step.performer_unit',
  answer: 'unit',
  allowNewUnit: true,
  text: () =>
    msg(
      'Unit atau pihak mana? Pilih, atau ketik namanya.',
      'Which unit or party? Pick one, or type its name.',
    ),
  help: msg(
    'Contoh: Bagian Organisasi, Sekretariat Daerah, Pemohon, BKPSDM.',
    'E.g. Bagian Organisasi, Sekretariat Daerah, Applicant, BKPSDM.',
  ),
  choices: (v) =>
    v
      .units()
      .filter((u) => u.id !== v.person()?.unitId)
      .slice(0, 8)
      .map((u) => ({ id: u.id, label: u.shortName ?? u.name })),
  apply(v, a) {
    const unit = valueOf(a, 'unit');
    if (isExternalUnit(v, unit.id)) return setPerformer(v, { unitId: unit.id, position: null });
    v.state.work.pickedUnit = unit.id;
    const { pid, nid, mode } = v.cursor;
    ask(v, { q: 'step.performer_position', pid, nid, ...(mode ? { mode } : {}) });
    return {};
  },
};

export const stepPerformerPosition: Question = {
  id: 'step.performer_position',
  answer: 'choice',
  optional: () => true,
  text: (v) =>
    msg(
      `Jabatan apa di ${v.unitName(v.state.work.pickedUnit)}? Pilih atau ketik (contoh: Kepala Bagian).`,
      `Which position in ${v.unitName(v.state.work.pickedUnit)}? Pick or type (e.g. Kepala Bagian).`,
    ),
  help: msg('Tulis jabatannya, bukan nama orangnya.', "Write the position, not the person's name."),
  choices: (v) => [
    ...v
      .knownPositions(v.state.work.pickedUnit ?? '')
      .slice(0, 8)
      .map((p, i) => ({ id: `pos:${i}`, label: p })),
    { id: 'unknown', label: msg('Belum tahu', 'Not known') },
  ],
  free(v, text) {
    const unitId = v.state.work.pickedUnit!;
    v.state.work.pickedUnit = undefined;
    return setPerformer(v, { unitId, position: text });
  },
  apply(v, a) {
    const unitId = v.state.work.pickedUnit!;
    if (valueOf(a, 'choice') === 'unknown') {
      v.state.work.pickedUnit = undefined;
      return setPerformer(v, { unitId, position: null });
    }
    const pos = v.knownPositions(unitId)[Number(valueOf(a, 'choice').slice(4))]!;
    v.state.work.pickedUnit = undefined;
    return setPerformer(v, { unitId, position: pos });
  },
  skip(v) {
    const unitId = v.state.work.pickedUnit!;
    v.state.work.pickedUnit = undefined;
    return setPerformer(v, { unitId, position: null });
  },
};

/** The incoming edge the edge.document question is about. */
function docEdge(v: View) {
  const flow = v.draft()!.flow!;
  const id =
    v.cursor.i !== undefined ? lastExitEdge(v) : crossUnitEdgeWithoutDocument(v, v.cursor.nid!);
  return flow.edges.find((e) => e.id === id);
}

/** During decision exits, edge.document is about the exit just drawn (cursor.i). */
function lastExitEdge(v: View): string | undefined {
  const flow = v.draft()!.flow!;
  const label = v.state.work.exitLabels[v.cursor.i!];
  return outgoing(flow, v.cursor.nid!).find((e) => e.label === label)?.id;
}

export const edgeDocument: Question = {
  id: 'edge.document',
  answer: 'choice',
  optional: () => true,
  text: (v) => {
    const e = docEdge(v);
    const from = e ? v.node(e.from) : undefined;
    const to = e ? v.node(e.to) : undefined;
    return msg(
      `Pekerjaan berpindah dari ${v.unitName(from?.performer?.unitId)} ke ${v.unitName(to?.performer?.unitId)}. Apa yang diserahkan? (dokumen atau barang)`,
      `Work passes from ${v.unitName(from?.performer?.unitId)} to ${v.unitName(to?.performer?.unitId)}. What is handed over? (document or item)`,
    );
  },
  help: msg(
    'Serah terima antarunit akan dikonfirmasi oleh unit penerima. Tulis dokumennya, misalnya "Nota dinas" atau "Berkas permohonan".',
    'Handoffs between units are confirmed by the receiving unit. Name the document, e.g. "Nota dinas".',
  ),
  choices: (v) => {
    const e = docEdge(v);
    const out = e ? v.node(e.from)?.outputs.join(', ') : null;
    return out ? [{ id: 'output', label: out.slice(0, 60) }] : [];
  },
  free: (v, text) => setDocument(v, text),
  apply(v) {
    const e = docEdge(v)!;
    return setDocument(v, v.node(e.from)?.outputs.join(', ') || null);
  },
  skip: (v) => setDocument(v, null),
};

function setDocument(v: View, document: string | null): Applied {
  const e = docEdge(v);
  if (e) editDraft(v, (p) => ({ ...p, flow: updateEdge(p.flow!, e.id, { document }) }));
  if (v.cursor.i !== undefined) return { notes: nextExit(v, v.cursor.i + 1) };
  return { notes: continueStep(v, v.cursor.nid!, 'doc') };
}
