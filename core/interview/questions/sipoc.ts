// SIPOC of a process: who supplies what, what comes out and for whom, and the legal basis.
import type { Unit } from '../../model/organisation.js';
import { isExternalKind } from '../../model/organisation.js';
import { localId, ask } from '../ops.js';
import type { View } from '../view.js';
import { type ChoiceDef, type Question, msg, valueOf } from './question.js';

/** Parties to offer as buttons: outside parties first, then other units; at most eight. */
export function partyChoices(v: View): ChoiceDef[] {
  const mine = v.person()?.unitId;
  const units = v.units().filter((u) => u.id !== mine);
  const ordered = [
    ...units.filter((u) => isExternalKind(u.kind)),
    ...units.filter((u) => !isExternalKind(u.kind)),
  ];
  return ordered.slice(0, 8).map((u: Unit) => ({ id: u.id, label: u.shortName ?? u.name }));
}

export const processSupplier: Question = {
  id: 'process.supplier',
  answer: 'unit',
  allowNewUnit: true,
  optional: () => true,
  text: (v) =>
    msg(
      `Proses "${v.draft()!.name}": siapa pemasoknya, yaitu unit atau pihak yang memberikan masukan proses ini? Pilih, atau ketik namanya (contoh: Bappeda, Pemohon).`,
      `Process "${v.draft()!.name}": who is its supplier, the unit or party that gives its input? Pick one, or type the name (e.g. Bappeda, Applicant).`,
    ),
  help: msg(
    'Pemasok (supplier) adalah unit atau pihak luar yang memberi masukan. Bila pemasoknya unit lain, itu serah terima yang nanti dikonfirmasi unit tersebut.',
    'The supplier is the unit or outside party that provides the input. A supplier that is another unit is a handoff that unit will confirm.',
  ),
  choices: partyChoices,
  apply(v, a) {
    v.state.work.pickedUnit = valueOf(a, 'unit').id;
    ask(v, { q: 'process.input', pid: v.cursor.pid });
    return {};
  },
  skip(v) {
    ask(v, { q: 'process.output', pid: v.cursor.pid });
    return {};
  },
};

export const processInput: Question = {
  id: 'process.input',
  answer: 'list',
  text: (v) =>
    msg(
      `Apa masukan yang diterima dari ${v.unitName(v.state.work.pickedUnit)}? Boleh lebih dari satu, satu per baris.`,
      `What is received from ${v.unitName(v.state.work.pickedUnit)}? Several is fine, one per line.`,
    ),
  help: msg(
    'Masukan (input): dokumen, data atau permintaan yang memulai proses.',
    'Input: the document, data or request that starts the process.',
  ),
  apply(v, a) {
    const d = v.draft()!;
    const unit = v.unit(v.state.work.pickedUnit);
    for (const name of valueOf(a, 'list')) {
      d.sipoc.inputs.push({
        id: localId(v, 'in'),
        name,
        party: unit ? { unitId: unit.id, name: unit.name } : null,
      });
    }
    v.state.work.pickedUnit = undefined;
    ask(v, { q: 'process.supplier_more', pid: d.id });
    return {};
  },
};

export const processSupplierMore: Question = {
  id: 'process.supplier_more',
  answer: 'yesno',
  text: () =>
    msg('Ada masukan lain dari pemasok lain?', 'Is there input from another supplier too?'),
  help: msg('Jawab "ya" untuk menambah pemasok lain.', 'Answer "yes" to add another supplier.'),
  apply(v, a) {
    ask(v, { q: valueOf(a, 'yesno') ? 'process.supplier' : 'process.output', pid: v.cursor.pid });
    return {};
  },
};

export const processOutput: Question = {
  id: 'process.output',
  answer: 'list',
  text: (v) =>
    msg(
      `Apa keluaran akhir proses "${v.draft()!.name}"?`,
      `What is the final output of "${v.draft()!.name}"?`,
    ),
  help: msg(
    'Keluaran (output): dokumen, keputusan atau layanan yang dihasilkan. Boleh lebih dari satu, satu per baris.',
    'Output: the document, decision or service produced. Several is fine, one per line.',
  ),
  apply(v, a) {
    const d = v.draft()!;
    for (const name of valueOf(a, 'list'))
      d.sipoc.outputs.push({ id: localId(v, 'out'), name, party: null });
    ask(v, { q: 'process.customer', pid: d.id });
    return {};
  },
};

export const processCustomer: Question = {
  id: 'process.customer',
  answer: 'unit',
  allowNewUnit: true,
  optional: () => true,
  text: () =>
    msg(
      'Siapa penerima keluaran itu? Pilih, atau ketik nama unit/pihaknya.',
      'Who receives that output? Pick one, or type the unit/party.',
    ),
  help: msg(
    'Penerima (customer): unit atau pihak luar yang menerima keluaran proses.',
    'Customer: the unit or outside party that receives the output.',
  ),
  choices: partyChoices,
  apply(v, a) {
    const unit = valueOf(a, 'unit');
    const d = v.draft()!;
    for (const o of d.sipoc.outputs) if (!o.party) o.party = { unitId: unit.id, name: unit.name };
    ask(v, { q: 'process.customer_more', pid: d.id });
    return {};
  },
  skip(v) {
    ask(v, { q: 'process.customer_more', pid: v.cursor.pid });
    return {};
  },
};

export const processCustomerMore: Question = {
  id: 'process.customer_more',
  answer: 'yesno',
  text: () =>
    msg(
      'Ada keluaran lain, untuk penerima lain?',
      'Is there another output, for another customer?',
    ),
  help: msg(
    'Jawab "ya" untuk menambah hasil dan penerimanya.',
    'Answer "yes" to add another output and its receiver.',
  ),
  apply(v, a) {
    ask(v, {
      q: valueOf(a, 'yesno') ? 'process.output' : 'process.legal_basis',
      pid: v.cursor.pid,
    });
    return {};
  },
};

export const processLegalBasis: Question = {
  id: 'process.legal_basis',
  answer: 'list',
  // A regulation's full title is longer than a name; the model keeps up to 500 characters.
  textMax: 500,
  optional: () => true,
  text: () =>
    msg(
      'Apa dasar hukumnya? (contoh: Permendagri 86/2017). Boleh lebih dari satu, satu per baris, atau /lewati.',
      'What is the legal basis? (e.g. Permendagri 86/2017). Several is fine, one per line, or /lewati to skip.',
    ),
  help: msg(
    'Peraturan yang mengatur proses ini. Boleh dilewati bila belum tahu.',
    'The regulations behind this process. Skip if unknown.',
  ),
  apply(v, a) {
    v.draft()!.legalBasis.push(...valueOf(a, 'list'));
    return toFirstStep(v);
  },
  skip: (v) => toFirstStep(v),
};

function toFirstStep(v: View) {
  const pid = v.cursor.pid!;
  const d = v.draft(pid)!;
  if (d.flow?.nodes.some((n) => n.kind === 'activity' || n.kind === 'decision')) {
    ask(v, { q: 'review.confirm', pid });
    return {};
  }
  v.state.work.attach = undefined;
  ask(v, { q: 'activity.name', pid });
  return {};
}

export function isExternalUnit(v: View, unitId: string | undefined): boolean {
  const u = v.unit(unitId);
  return !!u && isExternalKind(u.kind);
}
