// A handoff to another unit: what is handed over, to which unit and position.
import { ask } from '../ops.js';
import type { View } from '../view.js';
import { isExternalUnit } from './sipoc.js';
import { type Applied, type Question, msg, valueOf } from './question.js';

export const handoffWhat: Question = {
  id: 'handoff.what',
  answer: 'choice',
  text: () =>
    msg('Apa yang diserahkan? (dokumen atau barang)', 'What is handed over? (document or item)'),
  help: msg(
    'Misalnya "Nota dinas permintaan usulan" atau "Berkas permohonan".',
    'E.g. "Nota dinas permintaan usulan" or "Berkas permohonan".',
  ),
  choices: (v) => {
    const out = v.node()?.outputs.join(', ');
    return out ? [{ id: 'output', label: out.slice(0, 60) }] : [];
  },
  free(v, text) {
    v.state.work.attach = { from: v.cursor.nid!, label: null, document: text };
    ask(v, { q: 'handoff.unit', pid: v.cursor.pid, nid: v.cursor.nid });
    return {};
  },
  apply(v) {
    v.state.work.attach = {
      from: v.cursor.nid!,
      label: null,
      document: v.node()!.outputs.join(', ') || null,
    };
    ask(v, { q: 'handoff.unit', pid: v.cursor.pid, nid: v.cursor.nid });
    return {};
  },
};

export const handoffUnit: Question = {
  id: 'handoff.unit',
  answer: 'unit',
  allowNewUnit: true,
  text: () =>
    msg(
      'Diserahkan ke unit atau pihak mana? Pilih, atau ketik namanya.',
      'Handed to which unit or party? Pick one, or type its name.',
    ),
  help: msg(
    'Unit penerima akan diminta mengonfirmasi serah terima ini.',
    'The receiving unit will be asked to confirm this handoff.',
  ),
  choices: (v) => {
    const mine = v.person()?.unitId;
    const units = v.units();
    const own = units.filter((u) => u.id === mine);
    return [...own, ...units.filter((u) => u.id !== mine)]
      .slice(0, 8)
      .map((u) => ({ id: u.id, label: u.shortName ?? u.name }));
  },
  apply(v, a) {
    const unit = valueOf(a, 'unit');
    if (isExternalUnit(v, unit.id)) {
      v.state.work.preset = { unitId: unit.id, position: null };
      ask(v, { q: 'activity.name', pid: v.cursor.pid });
      return {};
    }
    v.state.work.pickedUnit = unit.id;
    ask(v, { q: 'handoff.position', pid: v.cursor.pid, nid: v.cursor.nid });
    return {};
  },
};

export const handoffPosition: Question = {
  id: 'handoff.position',
  answer: 'choice',
  text: (v) =>
    msg(
      `Siapa yang menerima di ${v.unitName(v.state.work.pickedUnit)}? (jabatan, misalnya Kasubbag Umum)`,
      `Who receives it in ${v.unitName(v.state.work.pickedUnit)}? (position, e.g. Kasubbag Umum)`,
    ),
  help: msg(
    'Tulis jabatan penerima. Langkah berikutnya dikerjakan oleh jabatan ini.',
    'Write the receiving position. The next step is done by this position.',
  ),
  choices: (v) => {
    const unitId = v.state.work.pickedUnit ?? '';
    const me = v.person();
    const known = v.knownPositions(unitId);
    return known.slice(0, 8).map((p, i) => ({
      id: `pos:${i}`,
      label: me && me.unitId === unitId && me.position === p ? msg(`Saya (${p})`, `Me (${p})`) : p,
    }));
  },
  free: (v, text) => presetAndAskNext(v, text),
  apply(v, a) {
    const known = v.knownPositions(v.state.work.pickedUnit ?? '');
    return presetAndAskNext(v, known[Number(valueOf(a, 'choice').slice(4))]!);
  },
};

function presetAndAskNext(v: View, position: string): Applied {
  v.state.work.preset = { unitId: v.state.work.pickedUnit!, position };
  v.state.work.pickedUnit = undefined;
  ask(v, { q: 'activity.name', pid: v.cursor.pid });
  return {};
}
