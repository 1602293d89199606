// One describe per rule: a map that breaks it, with the exact findings, and maps that pass.
import { describe, expect, it } from 'vitest';
import { checkProcess, rules } from '../../core/rules/index.js';
import type { Finding } from '../../core/rules/index.js';
import type { Process } from '../../core/model/index.js';
import { cleanSpec, grouping, item, map, org } from './builders.js';

/** Runs one rule alone, at its own level. */
function check(ruleId: string, process: Process): Finding[] {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return checkProcess(process, org, { registry: [rule] });
}

const clean = map(cleanSpec);

describe('the clean map', () => {
  it('passes every rule of the preset', () => {
    expect(checkProcess(clean, org)).toEqual([]);
  });
});

describe('start-and-end', () => {
  it('reports a map without a start and without an end', () => {
    expect(check('start-and-end', map('a1 -> a2'))).toEqual([
      {
        ruleId: 'start-and-end',
        level: 'error',
        nodeId: null,
        message: { id: 'Peta belum punya titik mulai.', en: 'The map has no start.' },
      },
      {
        ruleId: 'start-and-end',
        level: 'error',
        nodeId: null,
        message: { id: 'Peta belum punya titik selesai.', en: 'The map has no end.' },
      },
    ]);
  });

  it('reports each start after the first', () => {
    expect(check('start-and-end', map('start -> a1 -> end, start2 -> a1, start3 -> a1'))).toEqual([
      {
        ruleId: 'start-and-end',
        level: 'error',
        nodeId: 'start2',
        message: {
          id: 'Peta punya 3 titik mulai; seharusnya hanya satu.',
          en: 'The map has 3 starts; it should have exactly one.',
        },
      },
      {
        ruleId: 'start-and-end',
        level: 'error',
        nodeId: 'start3',
        message: {
          id: 'Peta punya 3 titik mulai; seharusnya hanya satu.',
          en: 'The map has 3 starts; it should have exactly one.',
        },
      },
    ]);
  });

  it('accepts one start and several ends, and skips a grouping process', () => {
    expect(check('start-and-end', map('start -> d1 -ya-> end1, d1 -tidak-> end2'))).toEqual([]);
    expect(check('start-and-end', grouping())).toEqual([]);
  });
});

describe('unreachable-step', () => {
  it('reports a step no edge leads to, and what only it leads to', () => {
    const p = map('start -> a1 -> end, a2 -> a3 -> end');
    expect(check('unreachable-step', p)).toEqual([
      {
        ruleId: 'unreachable-step',
        level: 'error',
        nodeId: 'a2',
        message: {
          id: 'Langkah 2 "Memproses berkas a2" tidak bisa dicapai dari titik mulai: sesudah langkah mana langkah ini dikerjakan?',
          en: 'Step 2 "Memproses berkas a2" cannot be reached from the start: after which step is it done?',
        },
      },
      {
        ruleId: 'unreachable-step',
        level: 'error',
        nodeId: 'a3',
        message: {
          id: 'Langkah 3 "Memproses berkas a3" tidak bisa dicapai dari titik mulai: sesudah langkah mana langkah ini dikerjakan?',
          en: 'Step 3 "Memproses berkas a3" cannot be reached from the start: after which step is it done?',
        },
      },
    ]);
  });

  it('does not count a dangling edge as a way in', () => {
    const p = map('start -> a1 -> end', {
      extraNodes: ['a2'],
      rawEdges: [
        { id: 'e-x', from: 'ghost', to: 'a2' },
        { id: 'e-y', from: 'a2', to: 'end' },
      ],
    });
    expect(check('unreachable-step', p).map((f) => f.nodeId)).toEqual(['a2']);
  });

  it('accepts loops back to earlier steps, and stays quiet without a start', () => {
    expect(check('unreachable-step', clean)).toEqual([]);
    expect(check('unreachable-step', map('start -> a1 -> d1 -ya-> end, d1 -tidak-> a1'))).toEqual(
      [],
    );
    expect(check('unreachable-step', map('a1 -> end'))).toEqual([]);
  });
});

describe('dead-end-step', () => {
  it('reports a step with no way on, and a loop with no way out', () => {
    const p = map('start -> d1 -ya-> a1 -> end, d1 -tidak-> a2, d1 -ulang-> a3 -> a4 -> a3');
    expect(check('dead-end-step', p)).toEqual([
      {
        ruleId: 'dead-end-step',
        level: 'error',
        nodeId: 'a2',
        message: {
          id: 'Sesudah langkah 3 "Memproses berkas a2" alur berhenti: apa langkah berikutnya, atau apakah proses selesai di sini?',
          en: 'The flow stops after step 3 "Memproses berkas a2": what is the next step, or does the process end here?',
        },
      },
      {
        ruleId: 'dead-end-step',
        level: 'error',
        nodeId: 'a3',
        message: {
          id: 'Dari langkah 4 "Memproses berkas a3" alur tidak pernah sampai ke titik selesai: di langkah mana alur ini keluar menuju selesai?',
          en: 'From step 4 "Memproses berkas a3" the flow never reaches an end: at which step does it leave towards an end?',
        },
      },
      {
        ruleId: 'dead-end-step',
        level: 'error',
        nodeId: 'a4',
        message: {
          id: 'Dari langkah 5 "Memproses berkas a4" alur tidak pernah sampai ke titik selesai: di langkah mana alur ini keluar menuju selesai?',
          en: 'From step 5 "Memproses berkas a4" the flow never reaches an end: at which step does it leave towards an end?',
        },
      },
    ]);
  });

  it('accepts a loop that can leave, and stays quiet without an end', () => {
    expect(check('dead-end-step', map('start -> a1 -> d1 -ya-> end, d1 -tidak-> a1'))).toEqual([]);
    expect(check('dead-end-step', map('start -> a1'))).toEqual([]);
  });
});

describe('decision-exits', () => {
  it('reports a decision with one exit', () => {
    expect(check('decision-exits', map('start -> d1 -ya-> end'))).toEqual([
      {
        ruleId: 'decision-exits',
        level: 'error',
        nodeId: 'd1',
        message: {
          id: 'Keputusan langkah 1 "Berkas d1 lengkap?" baru punya 1 cabang ("ya"): ke mana alur pada cabang yang lain (misalnya bila jawabannya tidak)?',
          en: 'Decision step 1 "Berkas d1 lengkap?" has only 1 branch ("ya"): where does the flow go on the other one (e.g. on no)?',
        },
      },
    ]);
  });

  it('reports an exit without a label and two exits with the same label', () => {
    const p = map('start -> d1 -> a1 -> end, d1 -Ya-> a2 -> end, d1 -ya-> a3 -> end', {
      edges: { 'd1->a3': { label: ' YA ' } },
    });
    expect(check('decision-exits', p)).toEqual([
      {
        ruleId: 'decision-exits',
        level: 'error',
        nodeId: 'd1',
        message: {
          id: 'Cabang keputusan langkah 1 "Berkas d1 lengkap?" ke langkah 2 "Memproses berkas a1" belum berlabel: jawaban apa yang menuju ke sana (misalnya "ya" atau "tidak")?',
          en: 'The branch of decision step 1 "Berkas d1 lengkap?" to step 2 "Memproses berkas a1" has no label: which answer leads there (e.g. "ya" or "tidak")?',
        },
      },
      {
        ruleId: 'decision-exits',
        level: 'error',
        nodeId: 'd1',
        message: {
          id: 'Keputusan langkah 1 "Berkas d1 lengkap?" punya dua cabang berlabel "YA": apa beda keduanya (misalnya "ya" dan "tidak")?',
          en: 'Decision step 1 "Berkas d1 lengkap?" has two branches labelled "YA": how do they differ (e.g. "ya" and "tidak")?',
        },
      },
    ]);
  });

  it('accepts two or more differently labelled exits', () => {
    expect(check('decision-exits', clean)).toEqual([]);
    expect(
      check(
        'decision-exits',
        map('start -> d1 -lengkap-> end, d1 -kurang-> a1 -> end, d1 -ditolak-> end2'),
      ),
    ).toEqual([]);
  });
});

describe('step-performer', () => {
  it('reports a step without performer and a performer in an unknown unit', () => {
    const p = map(cleanSpec, {
      steps: {
        a1: { performer: null },
        d1: { performer: { unitId: 'bag-hilang', position: 'Kabag' } },
      },
    });
    expect(check('step-performer', p)).toEqual([
      {
        ruleId: 'step-performer',
        level: 'error',
        nodeId: 'a1',
        message: {
          id: 'Pelaksana langkah 1 "Memproses berkas a1" belum diketahui: siapa yang mengerjakannya (jabatan dan unitnya, misalnya Kasubbag Umum)?',
          en: 'The performer of step 1 "Memproses berkas a1" is not known: who does it (position and unit, e.g. Kasubbag Umum)?',
        },
        together: {
          stepNo: 1,
          message: {
            id: 'Pelaksana langkah {n} belum diketahui: siapa yang mengerjakan masing-masing (jabatan dan unitnya, misalnya Kasubbag Umum)?',
            en: 'The performers of steps {n} are not known: who does each (position and unit, e.g. Kasubbag Umum)?',
          },
        },
      },
      {
        ruleId: 'step-performer',
        level: 'error',
        nodeId: 'd1',
        message: {
          id: 'Pelaksana langkah 2 "Berkas d1 lengkap?" berada di unit "bag-hilang" yang tidak ada di daftar organisasi: unit mana yang dimaksud?',
          en: 'The performer of step 2 "Berkas d1 lengkap?" belongs to unit "bag-hilang", which is not in the organisation: which unit is meant?',
        },
      },
    ]);
  });

  it('reports a co-performer in an unknown unit', () => {
    const p = map(cleanSpec, {
      steps: { a1: { coPerformers: [{ unitId: 'bag-hilang', position: 'Bendahara' }] } },
    });
    expect(check('step-performer', p).map((f) => [f.nodeId, f.message.id])).toEqual([
      [
        'a1',
        'Pelaksana langkah 1 "Memproses berkas a1" berada di unit "bag-hilang" yang tidak ada di daftar organisasi: unit mana yang dimaksud?',
      ],
    ]);
  });

  it('accepts an outside party as performer, with no position, and a known unit whose jabatan is open', () => {
    const p = map(cleanSpec, {
      steps: {
        a1: { performer: { unitId: 'pemohon', position: null } },
        a2: { performer: { unitId: 'bag-keu', position: null } },
      },
    });
    expect(check('step-performer', p)).toEqual([]);
  });
});

describe('performer-position', () => {
  it('asks the unit to fill in a jabatan the clerk did not know, as a warning, once per step', () => {
    const p = map(cleanSpec, {
      steps: {
        a1: { performer: { unitId: 'bag-keu', position: null } },
        a2: {
          coPerformers: [
            { unitId: 'bag-keu', position: null },
            { unitId: 'setda', position: null },
          ],
        },
      },
    });
    expect(check('performer-position', p)).toEqual([
      {
        ruleId: 'performer-position',
        level: 'warning',
        nodeId: 'a1',
        message: {
          id: 'Jabatan pelaksana langkah 1 belum diketahui: Bagian Keuangan dapat melengkapinya.',
          en: "The performer's position in step 1 is not known yet: Bagian Keuangan can fill it in.",
        },
        together: {
          stepNo: 1,
          message: {
            id: 'Jabatan pelaksana langkah {n} belum diketahui: Bagian Keuangan dapat melengkapinya.',
            en: "The performers' positions in steps {n} are not known yet: Bagian Keuangan can fill it in.",
          },
        },
      },
      {
        ruleId: 'performer-position',
        level: 'warning',
        nodeId: 'a2',
        message: {
          id: 'Jabatan pelaksana langkah 3 belum diketahui: Bagian Keuangan dan Setda dapat melengkapinya.',
          en: "The performer's position in step 3 is not known yet: Bagian Keuangan and Setda can fill it in.",
        },
        together: {
          stepNo: 3,
          message: {
            id: 'Jabatan pelaksana langkah {n} belum diketahui: Bagian Keuangan dan Setda dapat melengkapinya.',
            en: "The performers' positions in steps {n} are not known yet: Bagian Keuangan and Setda can fill it in.",
          },
        },
      },
    ]);
  });

  it('asks no jabatan of an outside party, of a step without performer, or of a known position', () => {
    const p = map(cleanSpec, {
      steps: {
        a1: { performer: { unitId: 'pemohon', position: null } },
        a2: { performer: null },
        a3: { coPerformers: [{ unitId: 'bag-keu', position: 'Bendahara' }] },
      },
    });
    expect(check('performer-position', p)).toEqual([]);
    expect(check('performer-position', clean)).toEqual([]);
  });
});

describe('duplicate-step-name', () => {
  it('reports the later of two steps whose names differ only in case and spacing', () => {
    const p = map('start -> a1 -> a2 -> a3 -> end', {
      steps: { a1: { name: 'Memeriksa berkas' }, a3: { name: '  memeriksa   BERKAS ' } },
    });
    expect(check('duplicate-step-name', p)).toEqual([
      {
        ruleId: 'duplicate-step-name',
        level: 'error',
        nodeId: 'a3',
        message: {
          id: 'Langkah 3 "  memeriksa   BERKAS " bernama sama dengan langkah 1 "Memeriksa berkas": apa beda kegiatan keduanya? Bedakan namanya agar SOP tidak membingungkan.',
          en: 'Step 3 "  memeriksa   BERKAS " has the same name as step 1 "Memeriksa berkas": how do the two activities differ? Tell them apart so the SOP is unambiguous.',
        },
      },
    ]);
  });

  it('accepts distinct names', () => {
    expect(check('duplicate-step-name', clean)).toEqual([]);
  });
});

describe('input-supplier', () => {
  it('reports an input without supplier and a supplier unit that does not exist', () => {
    const p = map(cleanSpec, {
      inputs: [
        item('in-1', 'Surat permohonan', null),
        item('in-2', 'Data aset', { unitId: 'bag-hilang', name: 'Bagian Aset' }),
      ],
    });
    expect(check('input-supplier', p)).toEqual([
      {
        ruleId: 'input-supplier',
        level: 'warning',
        nodeId: 'in-1',
        message: {
          id: 'Input "Surat permohonan" belum punya pemasok: dari siapa input ini diterima?',
          en: 'Input "Surat permohonan" has no supplier: who provides it?',
        },
      },
      {
        ruleId: 'input-supplier',
        level: 'warning',
        nodeId: 'in-2',
        message: {
          id: 'Pemasok input "Data aset" (Bagian Aset) merujuk unit "bag-hilang" yang tidak ada di daftar organisasi.',
          en: 'The supplier of input "Data aset" (Bagian Aset) refers to unit "bag-hilang", which is not in the organisation.',
        },
      },
    ]);
  });

  it('accepts a named supplier, with or without a unit, also on a grouping process', () => {
    const inputs = [
      item('in-1', 'Surat permohonan', { unitId: 'pemohon', name: 'Pemohon' }),
      item('in-2', 'Peraturan', { name: 'Kementerian' }),
    ];
    expect(check('input-supplier', map(cleanSpec, { inputs }))).toEqual([]);
    expect(check('input-supplier', grouping({ inputs }))).toEqual([]);
  });
});

describe('output-customer', () => {
  it('reports an output without customer and a customer unit that does not exist', () => {
    const p = map(cleanSpec, {
      outputs: [
        item('out-1', 'Surat izin', null),
        item('out-2', 'Laporan', { unitId: 'x', name: 'Inspektorat' }),
      ],
    });
    expect(check('output-customer', p)).toEqual([
      {
        ruleId: 'output-customer',
        level: 'warning',
        nodeId: 'out-1',
        message: {
          id: 'Keluaran "Surat izin" belum punya penerima: untuk siapa keluaran ini?',
          en: 'Output "Surat izin" has no customer: who receives it?',
        },
      },
      {
        ruleId: 'output-customer',
        level: 'warning',
        nodeId: 'out-2',
        message: {
          id: 'Pelanggan output "Laporan" (Inspektorat) merujuk unit "x" yang tidak ada di daftar organisasi.',
          en: 'The customer of output "Laporan" (Inspektorat) refers to unit "x", which is not in the organisation.',
        },
      },
    ]);
  });

  it('reports it on a grouping process too', () => {
    expect(
      check('output-customer', grouping({ outputs: [item('out-1', 'Surat izin', null)] })).map(
        (f) => f.nodeId,
      ),
    ).toEqual(['out-1']);
  });

  it('accepts an output with a customer', () => {
    expect(
      check(
        'output-customer',
        map(cleanSpec, {
          outputs: [item('out-1', 'Surat izin', { unitId: 'pemohon', name: 'Pemohon' })],
        }),
      ),
    ).toEqual([]);
  });
});

describe('step-waktu', () => {
  it('asks how long each activity without waktu takes; decisions are not asked', () => {
    const p = map(cleanSpec, { steps: { a1: { waktu: null }, d1: { waktu: null } } });
    expect(check('step-waktu', p)).toEqual([
      {
        ruleId: 'step-waktu',
        level: 'warning',
        nodeId: 'a1',
        message: {
          id: 'Langkah 1 "Memproses berkas a1" belum punya waktu: berapa lama? (misalnya 15 menit atau 1 hari)',
          en: 'Step 1 "Memproses berkas a1" has no duration: how long does it take? (e.g. 15 menit or 1 hari)',
        },
        together: {
          stepNo: 1,
          message: {
            id: 'Langkah {n} belum punya waktu: berapa lama masing-masing? (misalnya 15 menit atau 1 hari)',
            en: 'Steps {n} have no duration: how long does each take? (e.g. 15 menit or 1 hari)',
          },
        },
      },
    ]);
  });

  it('accepts steps with waktu, and a decision without', () => {
    expect(check('step-waktu', clean)).toEqual([]);
    expect(check('step-waktu', map(cleanSpec, { steps: { d1: { waktu: null } } }))).toEqual([]);
  });
});

describe('step-output', () => {
  it('reports an activity without output or with a blank one, not a decision', () => {
    const p = map(cleanSpec, { steps: { a1: { outputs: [] }, a2: { outputs: ['  '] } } });
    const together = (stepNo: number) => ({
      stepNo,
      message: {
        id: 'Langkah {n} belum punya output: apa yang dihasilkan masing-masing?',
        en: 'Steps {n} have no output: what does each produce?',
      },
    });
    expect(check('step-output', p)).toEqual([
      {
        ruleId: 'step-output',
        level: 'warning',
        nodeId: 'a1',
        message: {
          id: 'Langkah 1 "Memproses berkas a1" belum punya output: apa yang dihasilkan langkah ini?',
          en: 'Step 1 "Memproses berkas a1" has no output: what does this step produce?',
        },
        together: together(1),
      },
      {
        ruleId: 'step-output',
        level: 'warning',
        nodeId: 'a2',
        message: {
          id: 'Langkah 3 "Memproses berkas a2" belum punya output: apa yang dihasilkan langkah ini?',
          en: 'Step 3 "Memproses berkas a2" has no output: what does this step produce?',
        },
        together: together(3),
      },
    ]);
  });

  it('accepts activities with output (the decision d1 of the clean map has none)', () => {
    expect(check('step-output', clean)).toEqual([]);
  });
});

describe('activity-verb', () => {
  it('reports a passive or bare name with the suggestion, and one it cannot fix without', () => {
    const p = map('start -> a1 -> a2 -> a3 -> end', {
      steps: {
        a1: { name: 'berkas diperiksa' },
        a2: { name: 'Rapat koordinasi' },
        a3: { name: 'tanda tangan surat izin' },
      },
    });
    expect(check('activity-verb', p)).toEqual([
      {
        ruleId: 'activity-verb',
        level: 'warning',
        nodeId: 'a1',
        message: {
          id: 'Kegiatan langkah 1 "berkas diperiksa" sebaiknya diawali kata kerja aktif: bagaimana bila ditulis "Memeriksa berkas"?',
          en: 'The activity of step 1 "berkas diperiksa" should begin with an active verb: how about "Memeriksa berkas"?',
        },
      },
      {
        ruleId: 'activity-verb',
        level: 'warning',
        nodeId: 'a2',
        message: {
          id: 'Kegiatan langkah 2 "Rapat koordinasi" sebaiknya diawali kata kerja aktif: apa yang dikerjakan pada langkah ini (misalnya "Memeriksa kelengkapan berkas")?',
          en: 'The activity of step 2 "Rapat koordinasi" should begin with an active verb: what is done in this step (e.g. "Memeriksa kelengkapan berkas")?',
        },
      },
      {
        ruleId: 'activity-verb',
        level: 'warning',
        nodeId: 'a3',
        message: {
          id: 'Kegiatan langkah 3 "tanda tangan surat izin" sebaiknya diawali kata kerja aktif: bagaimana bila ditulis "Menandatangani surat izin"?',
          en: 'The activity of step 3 "tanda tangan surat izin" should begin with an active verb: how about "Menandatangani surat izin"?',
        },
      },
    ]);
  });

  it('reports a performer named in an activity, with the name without it', () => {
    const p = map('start -> a1 -> a2 -> end', {
      steps: { a1: { name: 'Menandatangani Camat' }, a2: { name: 'paraf Sekcam' } },
    });
    expect(check('activity-verb', p).map((f) => f.message.id)).toEqual([
      'Langkah 1 "Menandatangani Camat" menyebut pelaksananya; sebaiknya "Menandatangani" ("Camat" diisi sebagai pelaksana, bukan di nama kegiatan).',
      'Kegiatan langkah 2 "paraf Sekcam" sebaiknya diawali kata kerja aktif: bagaimana bila ditulis "Memaraf" ("Sekcam" diisi sebagai pelaksana, bukan di nama kegiatan)?',
    ]);
  });

  it('accepts active verbs and leaves decision questions alone', () => {
    const p = map(cleanSpec, {
      steps: { a1: { name: 'Berkoordinasi dengan Bappeda' }, d1: { name: 'Berkas lengkap?' } },
    });
    expect(check('activity-verb', p)).toEqual([]);
  });
});

describe('process-noun', () => {
  it('reports a verb as process name, with the noun form', () => {
    expect(check('process-noun', map(cleanSpec, { name: 'kelola surat masuk' }))).toEqual([
      {
        ruleId: 'process-noun',
        level: 'warning',
        nodeId: null,
        message: {
          id: 'Nama proses "kelola surat masuk" sebaiknya berupa kata benda: bagaimana bila ditulis "Pengelolaan Surat Masuk"?',
          en: 'Process name "kelola surat masuk" should be a noun phrase: how about "Pengelolaan Surat Masuk"?',
        },
      },
    ]);
  });

  it('reports a name it cannot turn into a noun without a suggestion', () => {
    expect(
      check('process-noun', grouping({ name: 'mengakhiri masa jabatan' })).map((f) => f.message.id),
    ).toEqual([
      'Nama proses "mengakhiri masa jabatan" sebaiknya berupa kata benda: apa nama prosesnya (misalnya "Penyusunan Rencana Kerja")?',
    ]);
  });

  it('accepts a plain noun phrase, as suggestProcessName does ("Surat masuk", "SPJ")', () => {
    expect(check('process-noun', grouping({ name: 'Surat masuk' }))).toEqual([]);
    expect(check('process-noun', grouping({ name: 'SPJ' }))).toEqual([]);
  });

  it('accepts nominalisations and head nouns', () => {
    expect(check('process-noun', grouping({ name: 'Perencanaan dan Penganggaran' }))).toEqual([]);
    expect(check('process-noun', map(cleanSpec, { name: 'Layanan Perizinan Bangunan' }))).toEqual(
      [],
    );
  });
});

describe('unconfirmed-handoff', () => {
  const handover = (o: Parameters<typeof map>[1] = {}) =>
    map('start -> a1 -> a2 -> end', {
      steps: { a2: { performer: { unitId: 'bag-keu', position: 'Bendahara' } } },
      edges: { 'a1->a2': { document: 'Nota dinas' } },
      ...o,
    });

  it('reports a pending handoff between units, naming units, steps and document', () => {
    expect(check('unconfirmed-handoff', handover())).toEqual([
      {
        ruleId: 'unconfirmed-handoff',
        level: 'warning',
        nodeId: 'a2',
        message: {
          id: 'Serah terima "Nota dinas" dari Bag. Umum (langkah 1 "Memproses berkas a1") ke Bagian Keuangan (langkah 2 "Memproses berkas a2") belum dikonfirmasi oleh Bagian Keuangan.',
          en: 'The handoff "Nota dinas" from Bag. Umum (step 1 "Memproses berkas a1") to Bagian Keuangan (step 2 "Memproses berkas a2") has not been confirmed by Bagian Keuangan yet.',
        },
      },
    ]);
  });

  it('says so when the receiving unit disputes it, with its note', () => {
    const p = handover({
      confirmations: [
        { key: 'edge:a1->a2', state: 'disputed', note: 'Kami menerima SPM, bukan nota dinas' },
      ],
    });
    expect(check('unconfirmed-handoff', p).map((f) => f.message.id)).toEqual([
      'Serah terima "Nota dinas" dari Bag. Umum (langkah 1 "Memproses berkas a1") ke Bagian Keuangan (langkah 2 "Memproses berkas a2") dibantah oleh Bagian Keuangan: Kami menerima SPM, bukan nota dinas. Perlu dibahas bersama sampai sepakat.',
    ]);
  });

  it('reports SIPOC handoffs by item id', () => {
    const p = map(cleanSpec, {
      inputs: [item('in-1', 'Anggaran kas', { unitId: 'bag-keu', name: 'Bagian Keuangan' })],
      outputs: [item('out-1', 'Laporan aset', { unitId: 'setda', name: 'Setda' })],
    });
    expect(check('unconfirmed-handoff', p)).toEqual([
      {
        ruleId: 'unconfirmed-handoff',
        level: 'warning',
        nodeId: 'in-1',
        message: {
          id: 'Serah terima input "Anggaran kas" dari Bagian Keuangan ke Bag. Umum belum dikonfirmasi oleh Bagian Keuangan.',
          en: 'The input handoff "Anggaran kas" from Bagian Keuangan to Bag. Umum has not been confirmed by Bagian Keuangan yet.',
        },
      },
      {
        ruleId: 'unconfirmed-handoff',
        level: 'warning',
        nodeId: 'out-1',
        message: {
          id: 'Serah terima output "Laporan aset" dari Bag. Umum ke Setda belum dikonfirmasi oleh Setda.',
          en: 'The output handoff "Laporan aset" from Bag. Umum to Setda has not been confirmed by Setda yet.',
        },
      },
    ]);
  });

  it('accepts a confirmed handoff, and skips handoffs to an outside party, who cannot confirm', () => {
    expect(
      check(
        'unconfirmed-handoff',
        handover({ confirmations: [{ key: 'edge:a1->a2', state: 'confirmed' }] }),
      ),
    ).toEqual([]);
    const toPemohon = map(cleanSpec, {
      steps: { a2: { performer: { unitId: 'pemohon', position: null } } },
      outputs: [item('out-1', 'Surat izin', { unitId: 'pemohon', name: 'Pemohon' })],
    });
    expect(check('unconfirmed-handoff', toPemohon)).toEqual([]);
  });

  it("asks the supplier of an input, never the owner, and accepts the supplier's confirmation", () => {
    const input = (o: Parameters<typeof map>[1] = {}) =>
      map(cleanSpec, {
        inputs: [item('in-1', 'Anggaran kas', { unitId: 'bag-keu', name: 'Bagian Keuangan' })],
        ...o,
      });
    expect(check('unconfirmed-handoff', input()).map((f) => f.message.id)).toEqual([
      'Serah terima input "Anggaran kas" dari Bagian Keuangan ke Bag. Umum belum dikonfirmasi oleh Bagian Keuangan.',
    ]);
    const disputed = input({
      confirmations: [{ key: 'input:in-1', state: 'disputed', note: 'Kami tidak mengirimnya' }],
    });
    expect(check('unconfirmed-handoff', disputed).map((f) => f.message.id)).toEqual([
      'Serah terima input "Anggaran kas" dari Bagian Keuangan ke Bag. Umum dibantah oleh Bagian Keuangan: Kami tidak mengirimnya. Perlu dibahas bersama sampai sepakat.',
    ]);
    const confirmed = input({ confirmations: [{ key: 'input:in-1', state: 'confirmed' }] });
    expect(check('unconfirmed-handoff', confirmed)).toEqual([]);
  });

  it('skips an input from an outside party: the owner cannot confirm its own input', () => {
    const fromPemohon = map(cleanSpec, {
      inputs: [item('in-1', 'Berkas permohonan', { unitId: 'pemohon', name: 'Pemohon' })],
    });
    expect(check('unconfirmed-handoff', fromPemohon)).toEqual([]);
  });

  it('skips what an outside party hands over, also in a process with no owner unit', () => {
    // Processes given out by a campaign have no owner yet: the Pemohon's step hands to the
    // clerk's own unit, which would be asked to confirm it.
    const fromPemohon = map('start -> a1 -> a2 -> end', {
      owner: null,
      steps: { a1: { performer: { unitId: 'pemohon', position: null } } },
      edges: { 'a1->a2': { document: 'Berkas permohonan' } },
    });
    expect(check('unconfirmed-handoff', fromPemohon)).toEqual([]);
    // Between two units of the organisation it is still asked.
    const fromKeu = map('start -> a1 -> a2 -> end', {
      owner: null,
      steps: { a1: { performer: { unitId: 'bag-keu', position: 'Bendahara' } } },
    });
    expect(check('unconfirmed-handoff', fromKeu)).toHaveLength(1);
  });

  it("asks the other unit of an edge that runs into the owner's lane", () => {
    const intoOwner = map('start -> a1 -> a2 -> end', {
      steps: { a1: { performer: { unitId: 'bag-keu', position: 'Bendahara' } } },
    });
    expect(check('unconfirmed-handoff', intoOwner).map((f) => f.message.id)).toEqual([
      'Serah terima "Hasil a1" dari Bagian Keuangan (langkah 1 "Memproses berkas a1") ke Bag. Umum (langkah 2 "Memproses berkas a2") belum dikonfirmasi oleh Bagian Keuangan.',
    ]);
  });
});

describe('dangling-edge', () => {
  it('reports an edge whose start or end node does not exist', () => {
    const p = map(cleanSpec, {
      rawEdges: [
        { id: 'e-x', from: 'a1', to: 'a9' },
        { id: 'e-y', from: 'ghost', to: 'end' },
      ],
    });
    expect(check('dangling-edge', p)).toEqual([
      {
        ruleId: 'dangling-edge',
        level: 'error',
        nodeId: 'e-x',
        message: {
          id: 'Panah "e-x" dari langkah 1 "Memproses berkas a1" ke simpul "a9" (tidak ada) tidak tersambung: simpulnya tidak ada di peta.',
          en: 'Arrow "e-x" from step 1 "Memproses berkas a1" to node "a9" (missing) is not connected: its node is not in the map.',
        },
      },
      {
        ruleId: 'dangling-edge',
        level: 'error',
        nodeId: 'e-y',
        message: {
          id: 'Panah "e-y" dari simpul "ghost" (tidak ada) ke titik selesai tidak tersambung: simpulnya tidak ada di peta.',
          en: 'Arrow "e-y" from node "ghost" (missing) to the end is not connected: its node is not in the map.',
        },
      },
    ]);
  });

  it('accepts a connected map', () => {
    expect(check('dangling-edge', clean)).toEqual([]);
  });
});
