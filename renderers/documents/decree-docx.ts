// The draft of the Keputusan Sekretaris Daerah that ratifies the organisation's Peta Proses Bisnis,
// as an editable DOCX for the legal section (Bagian Hukum) to finish: Menimbang, Mengingat,
// Memutuskan (KESATU ... KETIGA), the signature block and what the Lampiran holds. What only the
// legal section knows (the number, the region's own law, dates, the signatory) stays "....".
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AnnexPaper } from './annex-pdf.js';

export type DecreeModel = {
  /** "Pemerintah Kabupaten Contoh". */
  organisationName: string;
  /** How many processes the Daftar Proses Bisnis lists, and how many maps the Lampiran holds. */
  processCount: number;
  mappedCount: number;
  level0Count: number;
  paper?: AnnexPaper;
};

const MM = 56.7; // twentieths of a point per millimetre
const PAGE: Record<AnnexPaper, { width: number; height: number }> = {
  a4: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
  f4: { width: Math.round(215 * MM), height: Math.round(330 * MM) },
};

const run = (text: string, bold = false) => new TextRun({ text, bold, font: 'Arial', size: 22 });
const centred = (text: string, bold = true) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, bold)] });
const para = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    children: [run(text)],
  });
const blank = () => new Paragraph({ children: [] });

/** A row "Menimbang : a. ..." as a borderless table: the label, the colon, the numbered text. */
function clause(label: string, items: string[]): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none };
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ borders, width: { size: width, type: WidthType.PERCENTAGE }, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell([new Paragraph({ children: [run(label, true)] })], 18),
          cell([new Paragraph({ children: [run(':')] })], 3),
          cell(items.map(para), 79),
        ],
      }),
    ],
  });
}

/** The decree's paragraphs as text, in order: the test and the DOCX read the same words. */
export function decreeText(m: DecreeModel) {
  const org = m.organisationName;
  const ORG = org.toUpperCase();
  return {
    title: [
      `KEPUTUSAN SEKRETARIS DAERAH ${ORG}`,
      'NOMOR ....',
      'TENTANG',
      `PETA PROSES BISNIS ${ORG}`,
    ],
    menimbang: [
      `a. bahwa dalam rangka pelaksanaan reformasi birokrasi dan untuk mewujudkan tata kelola pemerintahan yang efektif dan efisien, perlu disusun Peta Proses Bisnis ${org} sebagaimana diamanatkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 19 Tahun 2018 tentang Penyusunan Peta Proses Bisnis Instansi Pemerintah;`,
      `b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Sekretaris Daerah tentang Peta Proses Bisnis ${org};`,
    ],
    mengingat: [
      '1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan ....;',
      '2. Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025;',
      '3. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan;',
      '4. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 19 Tahun 2018 tentang Penyusunan Peta Proses Bisnis Instansi Pemerintah;',
      '5. Peraturan Daerah .... Nomor .... Tahun .... tentang Pembentukan dan Susunan Perangkat Daerah;',
      '6. ....;',
    ],
    menetapkan: `KEPUTUSAN SEKRETARIS DAERAH TENTANG PETA PROSES BISNIS ${ORG}.`,
    diktum: [
      [
        'KESATU',
        `Menetapkan Peta Proses Bisnis ${org} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`,
      ],
      [
        'KEDUA',
        'Peta Proses Bisnis sebagaimana dimaksud dalam Diktum KESATU menjadi dasar penyusunan Standar Operasional Prosedur, analisis jabatan dan beban kerja, serta evaluasi kelembagaan di lingkungan ' +
          `${org}.`,
      ],
      ['KETIGA', 'Keputusan ini mulai berlaku pada tanggal ditetapkan.'],
    ] as [string, string][],
    lampiran: [
      `1. Peta Proses Bisnis Level 0 (${m.level0Count} proses);`,
      `2. Daftar Proses Bisnis (${m.processCount} proses);`,
      '3. Peta Relasi Antarunit;',
      `4. Peta Lintas Fungsi ${m.mappedCount} proses yang telah divalidasi;`,
      '5. Bukti Pengesahan (siapa menguraikan, menyepakati serah terima, menyetujui dan memvalidasi setiap proses, dan kapan).',
    ],
  };
}

export async function decreeDocx(m: DecreeModel): Promise<Uint8Array> {
  const t = decreeText(m);
  const note = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            shading: { fill: 'FFF4CC' },
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text: 'RANCANGAN dari Probis untuk dilengkapi Bagian Hukum: setiap "...." (nomor, tanggal, peraturan daerah, penandatangan) belum diketahui Probis dan harus diisi; hapus kotak ini sebelum ditandatangani.',
                    italics: true,
                    font: 'Arial',
                    size: 20,
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const children = [
    note,
    blank(),
    ...t.title.map((l) => centred(l)),
    blank(),
    centred('SEKRETARIS DAERAH ....,'),
    blank(),
    clause('Menimbang', t.menimbang),
    blank(),
    clause('Mengingat', t.mengingat),
    blank(),
    centred('MEMUTUSKAN:'),
    blank(),
    clause('Menetapkan', [t.menetapkan]),
    ...t.diktum.flatMap(([k, v]) => [blank(), clause(k, [v])]),
    blank(),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      indent: { left: 5000 },
      children: [run('Ditetapkan di ....')],
    }),
    new Paragraph({ indent: { left: 5000 }, children: [run('pada tanggal ....')] }),
    blank(),
    new Paragraph({ indent: { left: 5000 }, children: [run('SEKRETARIS DAERAH ....,', true)] }),
    blank(),
    blank(),
    blank(),
    new Paragraph({ indent: { left: 5000 }, children: [run('....', true)] }),
    new Paragraph({ indent: { left: 5000 }, children: [run('NIP. ....')] }),
    new Paragraph({ pageBreakBefore: true, children: [run('LAMPIRAN', true)] }),
    para(
      `KEPUTUSAN SEKRETARIS DAERAH ${m.organisationName.toUpperCase()} NOMOR .... TENTANG PETA PROSES BISNIS ${m.organisationName.toUpperCase()}, memuat:`,
    ),
    ...t.lampiran.map(para),
    para('(Lampiran lengkap: berkas PDF lampiran-ORG.pdf dari Probis, perintah /lampiran.)'),
  ];
  const doc = new Document({
    creator: 'Probis',
    title: t.title.join(' '),
    sections: [
      {
        properties: {
          page: {
            size: PAGE[m.paper ?? 'a4'],
            margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
