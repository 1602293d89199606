import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOrganisationTree, parseOrganisationFile } from '../../core/org-import/index.js';
import type { ImportResult } from '../../core/org-import/index.js';
import { Organisation } from '../../core/model/index.js';

const enc = new TextEncoder();
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/org/${name}`, import.meta.url)));

/** A CSV file from rows, the header first; line N of the file is rows[N-1]. */
function csv(rows: string[], o: { sep?: string } = {}): { fileName: string; bytes: Uint8Array } {
  const sep = o.sep ?? ',';
  return {
    fileName: 'organisasi.csv',
    bytes: enc.encode(rows.map((r) => r.replaceAll(',', sep)).join('\n') + '\n'),
  };
}
const HEADER = 'type,id,name,kind,parent,position,unit,roles,telegram,whatsapp,language';
const ORG = 'organisation,kab,Pemerintah Kabupaten Uji,,,,,,,,';
const SETDA = 'unit,setda,Sekretariat Daerah,sekretariat,,,,,,,';

function errorsOf(r: ImportResult): Array<[number | null, string]> {
  if (r.ok) throw new Error('expected errors, got an organisation');
  return r.errors.map((e) => [e.line, e.message.id]);
}
function orgOf(r: ImportResult): Organisation {
  if (!r.ok) throw new Error(`expected an organisation, got ${JSON.stringify(r.errors)}`);
  return r.organisation;
}

describe('the example files', () => {
  const fromCsv = orgOf(
    parseOrganisationFile({ fileName: 'setda.csv', bytes: fixture('setda.csv') }),
  );
  const fromYaml = orgOf(
    parseOrganisationFile({ fileName: 'setda.yaml', bytes: fixture('setda.yaml') }),
  );

  it('read the Excel CSV (BOM, semicolons, CRLF) into the organisation', () => {
    expect(fromCsv.id).toBe('kab-contoh');
    expect(fromCsv.codePrefix).toBe('SETDA');
    expect(fromCsv.units.map((u) => [u.id, u.kind, u.parentId])).toEqual([
      ['setda', 'sekretariat', null],
      ['bag-organisasi', 'bagian', 'setda'],
      ['subbag-kelembagaan', 'subbagian', 'bag-organisasi'],
      ['subbag-tatalaksana', 'subbagian', 'bag-organisasi'],
      ['bag-perencanaan', 'bagian', 'setda'],
      ['subbag-perencanaan', 'subbagian', 'bag-perencanaan'],
      ['dpmptsp', 'opd', null],
      ['upt-perizinan', 'upt', 'dpmptsp'],
      ['pemohon', 'public', null],
      ['masyarakat', 'public', null],
      ['atr-bpn', 'agency', null],
      ['oss', 'system', null],
    ]);
    expect(fromCsv.people.find((p) => p.id === 'budi')).toEqual({
      id: 'budi',
      name: 'Budi Santoso',
      position: 'Kasubbag Kelembagaan dan Anjab',
      unitId: 'subbag-kelembagaan',
      roles: ['respondent', 'coordinator'],
      nip: '198203152006041002',
      accounts: [
        { platform: 'telegram', id: '123456789' },
        { platform: 'whatsapp', id: '6281234567890' },
      ],
      language: 'id',
    });
    expect(fromCsv.people.find((p) => p.id === 'rina')?.roles).toEqual(['respondent']);
    expect(fromCsv.people.find((p) => p.id === 'dewi')?.language).toBe('en');
  });

  it('give the same organisation from YAML as from CSV', () => {
    const byId = <T extends { id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(fromYaml.units)).toEqual(byId(fromCsv.units));
    expect(byId(fromYaml.people)).toEqual(byId(fromCsv.people));
    expect({ ...fromYaml, units: [], people: [] }).toEqual({ ...fromCsv, units: [], people: [] });
  });

  it('print as a tree with people under their unit and outside parties apart', () => {
    expect(formatOrganisationTree(fromYaml)).toBe(
      [
        'Pemerintah Kabupaten Contoh (kab-contoh) — kode SETDA',
        '├─ Sekretariat Daerah [sekretariat] (setda)',
        '│  │  • Drs. H. Ahmad Fauzi, M.Si. — Sekretaris Daerah [unit_head]',
        '│  ├─ Bagian Organisasi [bagian] (bag-organisasi)',
        '│  │  │  • Sari Wulandari, S.AP. — Kepala Bagian Organisasi [unit_head, coordinator, admin] (telegram @sari_orgsetda)',
        '│  │  ├─ Subbagian Kelembagaan dan Analisis Jabatan [subbagian] (subbag-kelembagaan)',
        '│  │  │     • Budi Santoso — Kasubbag Kelembagaan dan Anjab [coordinator] (telegram 123456789, wa 6281234567890)',
        '│  │  └─ Subbagian Tata Laksana [subbagian] (subbag-tatalaksana)',
        '│  └─ Bagian Perencanaan dan Keuangan [bagian] (bag-perencanaan)',
        '│     └─ Subbagian Perencanaan [subbagian] (subbag-perencanaan)',
        '│           • Rina Marlina — Kasubbag Perencanaan (telegram 987654321, wa 6281311112222)',
        '└─ Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu [opd] (dpmptsp)',
        '   └─ UPT Pelayanan Perizinan [upt] (upt-perizinan)',
        '         • Dewi Anggraini — Kepala UPT [unit_head] (wa 6281299998888, bahasa en)',
        'Pihak luar:',
        '├─ Pemohon [public] (pemohon)',
        '├─ Masyarakat [public] (masyarakat)',
        '├─ Kantor Pertanahan (ATR/BPN) [agency] (atr-bpn)',
        '└─ Sistem OSS [system] (oss)',
      ].join('\n'),
    );
  });
});

describe('CSV', () => {
  it('accepts commas, Indonesian headers and aliases of values, and skips blank and # rows', () => {
    const org = orgOf(
      parseOrganisationFile(
        csv([
          'tipe,kode,nama,jenis,induk,jabatan,unit,peran,bahasa',
          'organisasi,kab,Pemerintah Kabupaten Uji,,,,,,',
          '',
          'unit,setda,Sekretariat Daerah,Sekretariat,,,,,',
          'unit,warga,Masyarakat,publik,,,,,',
          '#unit,lama,Unit Lama,bagian,,,,,',
          'pegawai,ani,Ani,,,Staf,setda,Koordinator|responden,Inggris',
          ',,,,,,,,',
        ]),
      ),
    );
    expect(org.units.map((u) => [u.id, u.kind])).toEqual([
      ['setda', 'sekretariat'],
      ['warga', 'public'],
    ]);
    expect(org.people).toEqual([
      {
        id: 'ani',
        name: 'Ani',
        position: 'Staf',
        unitId: 'setda',
        roles: ['coordinator', 'respondent'],
        nip: null,
        accounts: [],
        language: 'en',
      },
    ]);
  });

  it('counts lines as the file has them, also after a cell spanning two lines', () => {
    const r = parseOrganisationFile(
      csv([
        HEADER,
        ORG,
        'unit,setda,"Sekretariat',
        'Daerah",sekretariat,,,,,,,',
        'unit,bag,Bagian,bagian,nowhere,,,,,,',
      ]),
    );
    expect(errorsOf(r)).toEqual([[5, 'Induk "nowhere" tidak ada di daftar unit.']]);
  });

  it('reports an unknown parent and a parent cycle on each unit of the cycle', () => {
    const r = parseOrganisationFile(
      csv([
        HEADER,
        ORG,
        SETDA,
        'unit,bag-a,Bagian A,bagian,bag-b,,,,,,',
        'unit,bag-b,Bagian B,bagian,bag-a,,,,,,',
        'unit,bag-c,Bagian C,bagian,bag-c,,,,,,',
        'unit,bag-d,Bagian D,bagian,setda-x,,,,,,',
      ]),
    );
    expect(errorsOf(r)).toEqual([
      [4, 'Induk unit membentuk lingkaran: bag-a → bag-b → bag-a.'],
      [5, 'Induk unit membentuk lingkaran: bag-b → bag-a → bag-b.'],
      [6, 'Induk unit membentuk lingkaran: bag-c → bag-c.'],
      [7, 'Induk "setda-x" tidak ada di daftar unit.'],
    ]);
  });

  it('reports a duplicate unit id and a duplicate name under the same parent, not under another', () => {
    const r = parseOrganisationFile(
      csv([
        HEADER,
        ORG,
        SETDA,
        'unit,bag-umum,Bagian Umum,bagian,setda,,,,,,',
        'unit,bag-umum,Bagian Keuangan,bagian,setda,,,,,,',
        'unit,bag-umum-2,bagian  umum,bagian,setda,,,,,,',
        'unit,dinas,Dinas Pendidikan,opd,,,,,,,',
        'unit,dinas-umum,Bagian Umum,bidang,dinas,,,,,,',
      ]),
    );
    expect(errorsOf(r)).toEqual([
      [5, 'ID unit "bag-umum" sudah dipakai di baris 4.'],
      [6, 'Nama unit "bagian umum" sudah ada di bawah "setda" (baris 4).'],
    ]);
  });

  it('reports a person in an unknown unit, and a bad kind, role and language', () => {
    const r = parseOrganisationFile(
      csv([
        HEADER,
        ORG,
        SETDA,
        'unit,bag-x,Bagian X,departemen,setda,,,,,,',
        'person,ani,Ani,,,Staf,bag-tidak-ada,,,,',
        'person,budi,Budi,,,Staf,setda,ketua,,,',
        'person,cici,Cici,,,Staf,setda,,,,jawa',
      ]),
    );
    expect(errorsOf(r)).toEqual([
      [
        4,
        'Jenis unit "departemen" tidak dikenal; pilih salah satu: opd, sekretariat, bagian, bidang, subbagian, seksi, upt, unit; pihak luar: public (Pemohon, Masyarakat), agency (instansi lain, mis. ATR/BPN), system (mis. OSS).',
      ],
      [5, 'Unit "bag-tidak-ada" tidak ada di daftar unit.'],
      [6, 'Peran "ketua" tidak dikenal; pilih: respondent, unit_head, coordinator, admin.'],
      [7, 'Bahasa "jawa" tidak dikenal; pilih id atau en.'],
    ]);
  });

  it('reports a duplicate telegram id or WhatsApp number, and malformed ones, NIP included', () => {
    const r = parseOrganisationFile(
      csv([
        'type,id,name,kind,position,unit,telegram,whatsapp,nip',
        'organisation,kab,Kabupaten Uji,,,,,,',
        'unit,setda,Sekretariat Daerah,,,,,,',
        'person,ani,Ani,,Staf,setda,12345678,0812 1111 2222,',
        'person,budi,Budi,,Staf,setda,12345678,,',
        'person,cici,Cici,,Staf,setda,@Cici_Setda,+62 812-1111-2222,',
        'person,dodi,Dodi,,Staf,setda,cici_setda,,',
        'person,euis,Euis,,Staf,setda,@ab,08-12,1982',
      ]),
    );
    // the unit row has no kind: reported too, together with the people's problems
    expect(errorsOf(r)).toEqual([
      [
        3,
        'Kolom "kind" wajib diisi: opd, sekretariat, bagian, bidang, subbagian, seksi, upt, unit; pihak luar: public (Pemohon, Masyarakat), agency (instansi lain, mis. ATR/BPN), system (mis. OSS).',
      ],
      [5, 'Telegram "12345678" sudah dipakai orang di baris 4.'],
      [6, 'Nomor WhatsApp "+62 812-1111-2222" sudah dipakai orang di baris 4.'],
      [7, 'Telegram "cici_setda" sudah dipakai orang di baris 6.'],
      [8, 'NIP "1982" harus 18 angka.'],
      [
        8,
        'Telegram "@ab" tidak sah: tulis ID angka (mis. 123456789) atau nama pengguna (mis. @rina_setda).',
      ],
      [8, 'Nomor WhatsApp "08-12" tidak sah: tulis mis. 081234567890 atau +62 812-3456-7890.'],
    ]);
  });

  it('reports a missing required column on the header line, and nothing else', () => {
    const r = parseOrganisationFile(
      csv([
        'type,id,name,parent',
        'organisation,kab,Kabupaten,',
        'unit,setda,Setda,',
        'unit,bag,Bagian,nowhere',
      ]),
    );
    expect(errorsOf(r)).toEqual([
      [1, 'Kolom wajib "kind" (atau "jenis", "jenis_unit") tidak ada di baris judul.'],
    ]);
    expect(errorsOf(parseOrganisationFile(csv(['id,nama', 'kab,Kabupaten'])))).toEqual([
      [1, 'Kolom wajib "type" (atau "tipe", "baris") tidak ada di baris judul.'],
    ]);
  });

  it('reports an unknown column, a row with too many cells and an unknown row type, with the rest', () => {
    const r = parseOrganisationFile(
      csv([
        'type,id,name,kind,parent,telegarm',
        ORG.split(',').slice(0, 3).join(',') + ',,,',
        SETDA.split(',').slice(0, 5).join(',') + ',',
        'unit,bag,Bagian Umum, Keuangan,bagian,setda,@budi_umum',
        'jabatan,x,X,,,',
        'unit,bag-2,Bagian Dua,bagian,nowhere,',
      ]),
    );
    expect(errorsOf(r)).toEqual([
      [
        1,
        'Kolom "telegarm" tidak dikenal. Kolom yang dipakai: type, id, name, kind, parent, short_name, code_prefix, position, unit, roles, nip, telegram, whatsapp, language, note.',
      ],
      [
        4,
        'Baris ini punya 7 kolom, lebih banyak dari judul (6). Mungkin ada pemisah (, atau ;) di dalam nama: beri tanda kutip pada isi itu.',
      ],
      [5, 'Isi kolom "type" harus organisation, unit atau person; tertulis "jabatan".'],
      [6, 'Induk "nowhere" tidak ada di daftar unit.'],
    ]);
  });

  it('reports a missing organisation row, missing units, a second organisation and bad ids', () => {
    expect(errorsOf(parseOrganisationFile(csv([HEADER])))).toEqual([
      [
        null,
        'Data instansi belum ada: tambahkan satu baris type "organisation" (CSV) atau bagian "organisation:" (YAML) berisi id dan nama.',
      ],
      [null, 'Belum ada unit satu pun.'],
    ]);
    expect(
      errorsOf(
        parseOrganisationFile(
          csv([
            HEADER,
            ORG,
            'organisation,kab2,Kabupaten Lain,,,,,,,,',
            'unit,bag umum,,bagian,,,,,,,',
          ]),
        ),
      ),
    ).toEqual([
      [3, 'Hanya boleh ada satu baris organisasi; yang pertama ada di baris 2.'],
      [
        4,
        '"id" "bag umum" hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung, tanpa spasi (mis. bag-organisasi).',
      ],
      [4, 'Kolom "name" wajib diisi.'],
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(
      errorsOf(
        parseOrganisationFile(
          csv([HEADER, ORG, 'unit,setda,"Sekretariat Daerah,sekretariat,,,,,,,']),
        ),
      ),
    ).toEqual([
      [3, 'CSV tidak bisa dibaca: ada tanda kutip (") yang tidak ditutup atau salah tempat.'],
    ]);
  });
});

describe('encodings and empty files', () => {
  it('refuses a Windows-1252 file, naming the first bad line and how to save as CSV UTF-8', () => {
    const text = [
      HEADER,
      ORG,
      'unit,setda,Sekretariat Daerah,sekretariat,,,,,,,',
      'unit,bag,Bagian Caf\u00e9,bagian,setda,,,,,,',
    ].join('\r\n');
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0))); // Latin-1: é is 0xE9
    const r = parseOrganisationFile({ fileName: 'org.csv', bytes });
    expect(errorsOf(r)).toEqual([
      [
        4,
        'Berkas bukan teks UTF-8 (baris 4), mungkin disimpan sebagai Windows-1252/ANSI. Di Excel pilih Simpan Sebagai → "CSV UTF-8 (dipisahkan koma)", lalu unggah lagi.',
      ],
    ]);
  });

  it('reads UTF-16 with a BOM, as Excel saves "Unicode Text" (tab-separated)', () => {
    const text = [
      'type\tid\tname\tkind',
      'organisation\tkab\tKabupaten Uji\t',
      'unit\tsetda\tSekretariat Daérah\tsekretariat',
    ].join('\r\n');
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + i * 2] = c & 0xff;
      le[3 + i * 2] = c >> 8;
    }
    expect(orgOf(parseOrganisationFile({ fileName: 'org.txt', bytes: le })).units[0]?.name).toBe(
      'Sekretariat Daérah',
    );
  });

  it.each([
    ['no bytes', new Uint8Array()],
    ['only a BOM', Uint8Array.from([0xef, 0xbb, 0xbf])],
    ['only blank lines and separators', enc.encode('\r\n;;;;\r\n\r\n')],
  ])('reports an empty file: %s', (_what, bytes) => {
    expect(errorsOf(parseOrganisationFile({ fileName: 'org.csv', bytes }))).toEqual([
      [null, 'Berkas kosong.'],
    ]);
  });

  it('refuses an unknown extension', () => {
    expect(
      errorsOf(parseOrganisationFile({ fileName: 'org.xlsx', bytes: enc.encode('x') })),
    ).toEqual([
      [
        null,
        'Jenis berkas "org.xlsx" tidak dikenal: kirim berkas .csv (dari Excel: Simpan Sebagai → CSV UTF-8) atau .yaml.',
      ],
    ]);
  });
});

describe('YAML', () => {
  const yaml = (text: string) =>
    parseOrganisationFile({ fileName: 'org.yml', bytes: enc.encode(text) });

  it('reports syntax errors with their line', () => {
    const head = 'organisation:\n  id: kab\n  name: Kab\nunits:\n  - id: setda\n';
    expect(errorsOf(yaml(head + '\tname: Setda\n'))).toEqual([
      [6, 'YAML tidak bisa dibaca: indentasi memakai tab; gunakan spasi.'],
    ]);
    expect(errorsOf(yaml(head + '    name: Setda\n    name: Lagi\n'))).toEqual([
      [7, 'YAML tidak bisa dibaca: kunci yang sama muncul dua kali di satu bagian.'],
    ]);
    expect(errorsOf(yaml(head + '     name: Setda\n    kind: opd\n'))[0]).toEqual([
      5,
      'YAML tidak bisa dibaca (Nested mappings are not allowed in compact mappings). Periksa indentasi dan tanda titik dua di sekitar baris ini.',
    ]);
  });

  it('reports unknown keys, bad values, duplicates and unknown kinds by line', () => {
    const r = yaml(
      [
        'organisation:',
        '  id: kab',
        '  name: Kabupaten Uji',
        'units:',
        '  - id: setda',
        '    name: Sekretariat Daerah',
        '    kind: sekretariat',
        '    units:',
        '      - id: bag',
        '        name: Bagian Umum',
        '        kind: biro',
        '        pepole: []',
        '      - id: setda',
        '        name: Bagian Lain',
        '        kind: bagian',
        '        people:',
        '          - id: ani',
        '            name: Ani',
        '            position: Staf',
        '            whatsapp: 12',
        '            roles: admin, ketua',
      ].join('\n'),
    );
    expect(errorsOf(r)).toEqual([
      [
        9,
        'Jenis unit "biro" tidak dikenal; pilih salah satu: opd, sekretariat, bagian, bidang, subbagian, seksi, upt, unit; pihak luar: public (Pemohon, Masyarakat), agency (instansi lain, mis. ATR/BPN), system (mis. OSS).',
      ],
      [
        12,
        'Kunci "pepole" tidak dikenal di unit; yang dipakai: id, name, kind, shortName, units, people.',
      ],
      [13, 'ID unit "setda" sudah dipakai di baris 5.'],
      [17, 'Peran "ketua" tidak dikenal; pilih: respondent, unit_head, coordinator, admin.'],
      [17, 'Nomor WhatsApp "12" tidak sah: tulis mis. 081234567890 atau +62 812-3456-7890.'],
    ]);
  });

  it('reports a file that is not shaped like the format', () => {
    expect(errorsOf(yaml('- a\n- b\n'))).toEqual([
      [1, 'Berkas YAML harus berisi "organisation:" dan "units:".'],
    ]);
  });
});

describe('formatOrganisationTree', () => {
  it('shows units with a parent cycle and people of unknown units instead of dropping them', () => {
    const org = Organisation.parse({
      id: 'x',
      name: 'Uji',
      units: [
        { id: 'a', name: 'A', kind: 'bagian', parentId: 'b' },
        { id: 'b', name: 'B', kind: 'bagian', parentId: 'a' },
        { id: 'c', name: 'C', kind: 'opd', parentId: null },
      ],
      people: [{ id: 'p', name: 'P', position: 'Staf', unitId: 'z' }],
    });
    expect(formatOrganisationTree(org)).toBe(
      [
        'Uji (x)',
        '└─ C [opd] (c)',
        'Unit dengan induk melingkar:',
        '├─ A [bagian] (a)',
        '│  └─ B [bagian] (b)',
        'Orang tanpa unit yang dikenal:',
        '   • P — Staf (unit z)',
      ].join('\n'),
    );
  });
});
