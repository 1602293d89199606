// The lexicon and the morphology behind the naming heuristics (indonesian.ts, step-rewrite.ts):
// verb bases, the meN- and peN-an affixes, the words that only look affixed, and the token
// helpers that keep acronyms and the case someone chose.
import { normaliseWhitespace, stripInvisible } from './text.js';

// ---------------------------------------------------------------------------------------------
// Lexicon

/** A word list written as one string, so that it stays compact and easy to extend. */
export function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/**
 * Verb bases as people type them in the imperative ("periksa", "sampaikan"), the form that takes
 * meN-. A suffix is marked with "+": "setuju+i" is the base "setujui" whose -i is a suffix, which
 * matters when it is turned into a noun (menyetujui -> persetujuan, menilai -> penilaian).
 */
export const VERB_SOURCE = `
  adakan+ ajukan+ ambil analisis antar antarkan+ arahkan+ arsipkan+ awas+i agendakan+
  bagikan+ bahas baca balas bandingkan+ bayar bayarkan+ beri berikan+ beritahukan+ bimbing bina
  bubuhkan+ buat buka
  cairkan+ cantumkan+ cap cari catat cek cetak cocokkan+
  daftar daftarkan+ disposisikan+ distribusikan+
  edarkan+ entri evaluasi
  fasilitasi fotokopi
  gandakan+
  hadir+i hapus hitung hubung+i
  identifikasi informasikan+ input inputkan+ integrasikan+ inventarisasi isi
  jadwalkan+ jawab jilid
  kaji kelola kembalikan+ ketik kirim kirimkan+ klarifikasi klasifikasikan+ kompilasi konfirmasi
  koreksi
  konsultasikan+ koordinasikan+ kumpulkan+
  laksanakan+ lakukan+ lampirkan+ lanjutkan+ laporkan+ latih legalisir lengkap+i
  mediasi minta monitor mutakhirkan+
  nilai nomor+i
  olah
  pantau panggil paraf pelajar+i perbaik+i perbaru+i periksa persiapkan+ pilih pimpin
  pindahkan+ pindai proses publikasikan+ pungut putuskan+
  rancang rekam rekap rekapitulasi registrasi respons reviu revisi rumuskan+
  sahkan+ salin sampaikan+ selenggarakan+ selesaikan+ serahkan+ sesuaikan+ setor setorkan+
  setuju+i siapkan+ simpan sortir sosialisasikan+ stempel survei susun
  tagih tambahkan+ tanda+i tandatangan+i tangan+i tanggap+i telaah teliti tentukan+ terapkan+
  terbitkan+ terima terjemahkan+ teruskan+ tetapkan+ tik tindaklanjut+i tinjau tolak tugaskan+
  transfer tulis tunjuk tutup
  temu+i layan+i bentuk lantik
  ubah uji ukur umumkan+ undang unduh unggah upload usulkan+
  validasi verifikasi
  wawancara+i
`;

export interface VerbEntry {
  /** The base as typed: "setujui", "sampaikan". */
  base: string;
  /** The suffix that belongs to the base ('kan' or 'i'), or '' when the base is a root. */
  suffix: '' | 'kan' | 'i';
}

export const VERBS = new Map<string, VerbEntry>();
for (const raw of VERB_SOURCE.split(/\s+/).filter(Boolean)) {
  if (raw.endsWith('+i')) {
    const base = raw.slice(0, -2) + 'i';
    VERBS.set(base, { base, suffix: 'i' });
  } else if (raw.endsWith('+')) {
    const base = raw.slice(0, -1);
    VERBS.set(base, { base, suffix: 'kan' });
  } else {
    VERBS.set(raw, { base: raw, suffix: '' });
  }
}

/** Active forms that do not follow the general meN- rules. */
export const MEN_EXCEPTIONS: Record<string, string> = {
  kaji: 'mengkaji',
  peroleh: 'memperoleh',
  pelajari: 'mempelajari',
  punyai: 'mempunyai',
};

/** Nominalisations that do not follow peN-an from the active form. */
export const NOUN_EXCEPTIONS: Record<string, string> = {
  setujui: 'persetujuan',
  minta: 'permintaan',
  proses: 'pemrosesan',
  tindaklanjuti: 'tindak lanjut',
  pelajari: 'pembelajaran',
  ubah: 'perubahan',
  reviu: 'reviu',
  adakan: 'penyelenggaraan',
};

/** Multi-word verbs typed as separate words: "tanda tangan surat" -> "Menandatangani surat". */
export const COMPOUND_VERBS: Array<{ words: string[]; base: string }> = [
  { words: ['tanda', 'tangan'], base: 'tandatangani' },
  { words: ['tanda', 'tangani'], base: 'tandatangani' },
  { words: ['tandatangan'], base: 'tandatangani' },
  { words: ['ttd'], base: 'tandatangani' },
  { words: ['tindak', 'lanjuti'], base: 'tindaklanjuti' },
  { words: ['tindak', 'lanjut'], base: 'tindaklanjuti' },
];

/** Words beginning with me- that are not meN- verbs. */
export const ME_NON_VERBS = new Set(
  words(`
    media medali medis megah meja mekanisme melalui memo memorandum mengenai menit mental
    menteri menu menurut merah merdeka merek mereka mesin meskipun meski meter meterai metode
    mebel
  `),
);

/** Words beginning with ber- that are not ber- verbs. */
export const BER_NON_VERBS = new Set(
  words(`
    berkas berita beras berat beranda berapa berikut berikutnya bersih bersama berbagai
    berdasarkan berkenaan beruang berlian bermacam berupa
  `),
);

/** ber- verbs whose prefix lost its r (be-). */
export const BE_VERBS = new Set(
  words(`
    bekerja belajar bekerjasama
  `),
);

/**
 * Base verbs that are used without a prefix in standard Indonesian (intransitive), so an
 * activity may begin with them: "Hadir dalam rapat pembahasan".
 */
export const BARE_ACTIVE_VERBS = new Set(
  words(`
    hadir datang tiba kembali masuk keluar pulang pergi ikut naik turun
  `),
);

/** Words beginning with di- that are not passive verbs. */
export const DI_NON_PASSIVES = new Set(
  words(`
    dia dialog diagram digital dinas dinamika dini diri direksi direktorat direktur dirjen
    diklat dimensi diploma disiplin diskusi dispensasi disposisi distribusi divisi dividen
    dipa
  `),
);

/** Connectors people put before an activity: "lalu periksa berkas", "setelah itu kirim". */
export const LEADING_CONNECTORS = new Set([
  'lalu',
  'kemudian',
  'selanjutnya',
  'setelah itu',
  'sesudah itu',
  'terus',
  'dan',
]);

/** Auxiliaries before a passive verb that the active form does not need: "berkas sudah diperiksa". */
export const AUXILIARIES = new Set(
  words(`
    sudah telah akan harus perlu wajib lalu kemudian segera
  `),
);

/** Nouns that are fine as the head of a process name although they are not nominalisations. */
export const HEAD_NOUNS = new Set(
  words(`
    layanan sistem rencana laporan manajemen tata administrasi program kegiatan urusan audit
    monitoring survei rapat sidang kajian analisis evaluasi revisi musrenbang rekrutmen
    seleksi diklat bimtek akuntansi anggaran izin perizinan penatausahaan mutasi promosi cuti
    reviu
  `),
);

/** Words ending in -an that are not nouns. */
export const AN_NON_NOUNS = new Set(
  words(`
    bukan akan jangan makan tahan kan lawan sedangkan
  `),
);

/** Function words kept in lower case inside a title-cased name. */
export const LOWER_IN_TITLE = new Set(
  words(`
    dan atau serta di ke dari untuk bagi pada dengan oleh yang dalam tentang terhadap per
    melalui
  `),
);

/** Acronyms and proper nouns written lower case by people in a hurry. */
export const PROPER: Record<string, string> = Object.fromEntries(
  words(`
    Bappeda BKD BKPSDM BPKAD OPD SKPD SK SOP Renja Renstra RKA RKPD RPJMD DPA APBD LAKIP SAKIP
    LKjIP Setda Sekda UPT NIP OSS SIMBG ATR/BPN BPN PTSP DPMPTSP SPJ SPM SP2D PBG KTP NPWP NIB
    TU SIMPEG SIPD SIAK SKRD BAP BKU BKN SPP PPK PPTK KK NIK BUD PPh Srikandi
  `).map((w) => [w.toLowerCase(), w]),
);

// ---------------------------------------------------------------------------------------------
// Morphology

export const VOWEL = /^[aeiou]/;

/** Syllables by vowels; a diphthong (ai au oi ei) counts once only at the end: sam-pai, ca-ir. */
export function syllables(word: string): number {
  const vowels = (word.match(/[aeiou]/g) ?? []).length;
  return /(?:ai|au|oi|ei)$/.test(word) ? vowels - 1 : vowels;
}

/**
 * The active meN- form of a verb base, following the morphophonology of the prefix:
 * me- before l m n r w y (and ng-, ny-); mem- before b f v, and p which drops before a vowel;
 * men- before c d j z sy, and t which drops before a vowel; meng- before vowels, g h kh, and k
 * which drops before a vowel; meny- replacing s before a vowel; menge- for monosyllables.
 * A consonant cluster (proses, klarifikasi, transfer, standar) keeps its first consonant, and
 * per- stays (perbaiki -> memperbaiki; periksa, whose r belongs to the root, -> memeriksa).
 */
export function meN(base: string): string {
  const b = base.toLowerCase();
  const exception = MEN_EXCEPTIONS[b];
  if (exception) return exception;
  const root = b.endsWith('kan') && b.length > 5 ? b.slice(0, -3) : b;
  if (syllables(root) === 1) return 'menge' + b;
  const first = b[0] ?? '';
  const rest = b.slice(1);
  const beforeVowel = VOWEL.test(rest);
  if (b.startsWith('ng') || b.startsWith('ny')) return 'me' + b;
  if (b.startsWith('sy')) return 'men' + b;
  if (b.startsWith('kh')) return 'meng' + b;
  if (VOWEL.test(b)) return 'meng' + b;
  switch (first) {
    case 'l':
    case 'm':
    case 'n':
    case 'r':
    case 'w':
    case 'y':
      return 'me' + b;
    case 'b':
    case 'f':
    case 'v':
      return 'mem' + b;
    case 'p':
      if (b.startsWith('per') && !VOWEL.test(b.slice(3))) return 'mem' + b;
      return beforeVowel ? 'mem' + rest : 'mem' + b;
    case 'c':
    case 'd':
    case 'j':
    case 'z':
      return 'men' + b;
    case 't':
      return beforeVowel ? 'men' + rest : 'men' + b;
    case 's':
      return beforeVowel ? 'meny' + rest : 'men' + b;
    case 'k':
      return beforeVowel ? 'meng' + rest : 'meng' + b;
    case 'g':
    case 'h':
      return 'meng' + b;
    default:
      return 'me' + b;
  }
}

/** Possible bases behind a form with a nasal prefix: "pengirim" -> ["kirim", "irim", …]. */
export function basesBehindNasal(word: string, p: 'pe' | 'me'): string[] {
  const out: string[] = [];
  const after = (prefix: string) => (word.startsWith(prefix) ? word.slice(prefix.length) : null);
  const add = (...xs: Array<string | null>) => {
    for (const x of xs) if (x && x.length >= 2) out.push(x);
  };
  const per = p === 'pe' ? after('per') : after('memper');
  if (per !== null) add('per' + per, per);
  const nge = after(p + 'nge');
  if (nge !== null) add(nge);
  const ny = after(p + 'ny');
  if (ny !== null) add('s' + ny, 'ny' + ny);
  const ng = after(p + 'ng');
  if (ng !== null) add(ng, 'k' + ng);
  const n = after(p + 'n');
  if (n !== null) add(n, 't' + n);
  const m = after(p + 'm');
  if (m !== null) add(m, 'p' + m);
  const e = after(p);
  if (e !== null) add(e);
  return out;
}

export function findVerb(candidates: string[]): VerbEntry | null {
  for (const c of candidates) {
    for (const form of [c, c + 'kan', c + 'i']) {
      const v = VERBS.get(form);
      if (v) return v;
    }
  }
  return null;
}

/** The verb behind a peN-an / per-an nominalisation: "pengecekan" -> cek, "persetujuan" -> setujui. */
export function verbOfNominal(word: string): VerbEntry | null {
  if (!/^pe.{3,}an$/.test(word)) return null;
  const stem = word.slice(0, -2);
  return findVerb(basesBehindNasal(stem, 'pe'));
}

/** The verb behind a meN- form, when it is in the lexicon: "menyampaikan" -> sampaikan. */
export function verbOfActive(word: string): VerbEntry | null {
  for (const c of basesBehindNasal(word, 'me')) {
    const v = VERBS.get(c);
    if (v && meN(v.base) === word) return v;
  }
  return null;
}

/** The verb behind a passive di- form: "diperiksa" -> periksa; generic for -kan and -i forms. */
export function verbOfPassive(word: string): VerbEntry | null {
  if (!word.startsWith('di') || word.length < 5 || DI_NON_PASSIVES.has(word)) return null;
  const base = word.slice(2);
  const known = VERBS.get(base);
  if (known) return known;
  if (base.endsWith('kan') && base.length >= 6) return { base, suffix: 'kan' };
  return null;
}

/** A loan noun that is its own nominalisation: verifikasi, evaluasi, analisis, koordinasi. */
export function isLoanNoun(word: string): boolean {
  return (/(si|sis)$/.test(word) && word.length >= 6) || word === 'survei';
}

/** The peN-an noun of a verb: susun -> penyusunan, setujui -> persetujuan, koordinasikan -> koordinasi. */
export function nominalise(v: VerbEntry): string | null {
  const exception = NOUN_EXCEPTIONS[v.base];
  if (exception) return exception;
  const root = v.suffix ? v.base.slice(0, -v.suffix.length) : v.base;
  if (isLoanNoun(root)) return root;
  return nominalFromActive(meN(v.base), v.suffix);
}

/** peN-an from the active form: the nasal of meN- is the nasal of peN- (menyusun -> penyusunan). */
export function nominalFromActive(active: string, suffix: VerbEntry['suffix']): string {
  const stem = suffix ? active.slice(0, -suffix.length) : active;
  return (stem.startsWith('memper') ? 'per' + stem.slice(6) : 'pe' + stem.slice(2)) + 'an';
}

// ---------------------------------------------------------------------------------------------
// Words

export function clean(text: string): string {
  return normaliseWhitespace(stripInvisible(text.normalize('NFC')));
}

/** The letters of a token, lower case: "Periksa," -> "periksa". */
export function core(token: string | undefined): string {
  return (token ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

export function isActiveWord(w: string): boolean {
  if (ME_NON_VERBS.has(w) || BER_NON_VERBS.has(w)) return false;
  // An imperative base that only looks prefixed: "berikan", "mediasi"; "bersihkan" (ber- verbs
  // do not take -kan).
  if (VERBS.has(w) || /^ber.{2,}kan$/.test(w)) return false;
  if (/^me[a-z]{3,}$/.test(w)) return true;
  if (/^ber[a-z]{3,}$/.test(w) || BE_VERBS.has(w)) return true;
  return BARE_ACTIVE_VERBS.has(w);
}

export function capitaliseFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}

/** Restores the case of known acronyms and proper nouns in tokens typed all lower case. */
export function fixProperToken(token: string): string {
  const m = /^([^\p{L}\p{N}]*)([\p{L}\p{N}/]+)([^\p{L}\p{N}]*)$/u.exec(token);
  if (!m) return token;
  const [, pre = '', word = '', post = ''] = m;
  if (word !== word.toLowerCase()) return token;
  const proper = PROPER[word];
  return proper ? pre + proper + post : token;
}

/** Sentence case for an activity: first letter up, acronyms fixed, everything else as typed. */
export function polishActivity(tokens: string[]): string {
  return capitaliseFirst(tokens.map(fixProperToken).join(' '));
}

export function titleToken(token: string, index: number): string {
  const fixed = fixProperToken(token);
  if (fixed !== token) return fixed;
  if (token !== token.toLowerCase()) return token; // someone chose this case: keep it
  if (index > 0 && LOWER_IN_TITLE.has(core(token))) return token;
  return token
    .split('-')
    .map((part) => capitaliseFirst(part))
    .join('-');
}

export function titleCase(tokens: string[]): string {
  return tokens.map(titleToken).join(' ');
}

export function stripLeadingConnectors(tokens: string[]): string[] {
  let i = 0;
  while (i < tokens.length - 1) {
    const two = `${core(tokens[i])} ${core(tokens[i + 1])}`;
    if (LEADING_CONNECTORS.has(two)) i += 2;
    else if (LEADING_CONNECTORS.has(core(tokens[i]))) i += 1;
    else break;
  }
  return tokens.slice(i);
}

export function compoundAt(tokens: string[], i: number): { base: string; length: number } | null {
  for (const c of COMPOUND_VERBS) {
    if (c.words.every((w, k) => core(tokens[i + k]) === w))
      return { base: c.base, length: c.words.length };
  }
  return null;
}
