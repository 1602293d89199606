// Naming heuristics for Indonesian process maps (see the domain brief, "Naming"):
// activities are active verb phrases without a subject ("Memeriksa kelengkapan berkas"),
// process names are noun phrases ("Penyusunan Rencana Kerja").
//
// These are heuristics on affixes backed by a small lexicon of verbs that SOPs use. They are
// meant to help a staff member, never to reject: every suggestion is returned as a proposal,
// and `null` means "fine as it is" or "not sure enough to propose anything".
import { normaliseWhitespace, stripInvisible } from './text.js';

// ---------------------------------------------------------------------------------------------
// Lexicon

/** A word list written as one string, so that it stays compact and easy to extend. */
function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/**
 * Verb bases as people type them in the imperative ("periksa", "sampaikan"), the form that takes
 * meN-. A suffix is marked with "+": "setuju+i" is the base "setujui" whose -i is a suffix, which
 * matters when it is turned into a noun (menyetujui -> persetujuan, menilai -> penilaian).
 */
const VERB_SOURCE = `
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
  kaji kelola kembalikan+ ketik kirim kirimkan+ klarifikasi kompilasi konfirmasi
  konsultasikan+ koordinasikan+ kumpulkan+
  laksanakan+ lakukan+ lampirkan+ lanjutkan+ laporkan+ latih legalisir lengkap+i
  mediasi minta monitor mutakhirkan+
  nilai
  olah
  pantau panggil paraf pelajar+i perbaik+i perbaru+i periksa persiapkan+ pilih pimpin
  pindahkan+ pindai proses publikasikan+ pungut putuskan+
  rancang rekam rekap rekapitulasi registrasi revisi rumuskan+
  sahkan+ salin sampaikan+ selenggarakan+ selesaikan+ serahkan+ sesuaikan+ setor setorkan+
  setuju+i siapkan+ simpan sortir sosialisasikan+ stempel survei susun
  tagih tambahkan+ tanda+i tandatangan+i tangan+i tanggap+i telaah teliti tentukan+ terapkan+
  terbitkan+ terima terjemahkan+ teruskan+ tetapkan+ tik tindaklanjut+i tinjau tolak tugaskan+
  tulis tunjuk tutup
  ubah uji ukur umumkan+ undang unduh unggah upload usulkan+
  validasi verifikasi
  wawancara+i
`;

interface VerbEntry {
  /** The base as typed: "setujui", "sampaikan". */
  base: string;
  /** The suffix that belongs to the base ('kan' or 'i'), or '' when the base is a root. */
  suffix: '' | 'kan' | 'i';
}

const VERBS = new Map<string, VerbEntry>();
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
const MEN_EXCEPTIONS: Record<string, string> = {
  kaji: 'mengkaji',
  peroleh: 'memperoleh',
  pelajari: 'mempelajari',
  punyai: 'mempunyai',
};

/** Nominalisations that do not follow peN-an from the active form. */
const NOUN_EXCEPTIONS: Record<string, string> = {
  setujui: 'persetujuan',
  minta: 'permintaan',
  proses: 'pemrosesan',
  tindaklanjuti: 'tindak lanjut',
  pelajari: 'pembelajaran',
  ubah: 'perubahan',
};

/** Multi-word verbs typed as separate words: "tanda tangan surat" -> "Menandatangani surat". */
const COMPOUND_VERBS: Array<{ words: string[]; base: string }> = [
  { words: ['tanda', 'tangan'], base: 'tandatangani' },
  { words: ['tanda', 'tangani'], base: 'tandatangani' },
  { words: ['tandatangan'], base: 'tandatangani' },
  { words: ['ttd'], base: 'tandatangani' },
  { words: ['tindak', 'lanjuti'], base: 'tindaklanjuti' },
  { words: ['tindak', 'lanjut'], base: 'tindaklanjuti' },
];

/** Words beginning with me- that are not meN- verbs. */
const ME_NON_VERBS = new Set(
  words(`
    media medali medis megah meja mekanisme melalui memo memorandum mengenai menit mental
    menteri menu menurut merah merdeka merek mereka mesin meskipun meski meter meterai metode
    mebel
  `),
);

/** Words beginning with ber- that are not ber- verbs. */
const BER_NON_VERBS = new Set(
  words(`
    berkas berita beras berat beranda berapa berikut berikutnya bersih bersama berbagai
    berdasarkan berkenaan beruang berlian bermacam berupa
  `),
);

/** ber- verbs whose prefix lost its r (be-). */
const BE_VERBS = new Set(
  words(`
    bekerja belajar bekerjasama
  `),
);

/**
 * Base verbs that are used without a prefix in standard Indonesian (intransitive), so an
 * activity may begin with them: "Hadir dalam rapat pembahasan".
 */
const BARE_ACTIVE_VERBS = new Set(
  words(`
    hadir datang tiba kembali masuk keluar pulang pergi ikut naik turun
  `),
);

/** Words beginning with di- that are not passive verbs. */
const DI_NON_PASSIVES = new Set(
  words(`
    dia dialog diagram digital dinas dinamika dini diri direksi direktorat direktur dirjen
    diklat dimensi diploma disiplin diskusi dispensasi disposisi distribusi divisi dividen
    dipa
  `),
);

/** Connectors people put before an activity: "lalu periksa berkas", "setelah itu kirim". */
const LEADING_CONNECTORS = new Set([
  'lalu',
  'kemudian',
  'selanjutnya',
  'setelah itu',
  'sesudah itu',
  'terus',
  'dan',
]);

/** Auxiliaries before a passive verb that the active form does not need: "berkas sudah diperiksa". */
const AUXILIARIES = new Set(
  words(`
    sudah telah akan harus perlu wajib lalu kemudian segera
  `),
);

/** Nouns that are fine as the head of a process name although they are not nominalisations. */
const HEAD_NOUNS = new Set(
  words(`
    layanan sistem rencana laporan manajemen tata administrasi program kegiatan urusan audit
    monitoring survei rapat sidang kajian analisis evaluasi revisi musrenbang rekrutmen
    seleksi diklat bimtek akuntansi anggaran izin perizinan penatausahaan mutasi promosi cuti
  `),
);

/** Words ending in -an that are not nouns. */
const AN_NON_NOUNS = new Set(
  words(`
    bukan akan jangan makan tahan kan lawan sedangkan
  `),
);

/** Function words kept in lower case inside a title-cased name. */
const LOWER_IN_TITLE = new Set(
  words(`
    dan atau serta di ke dari untuk bagi pada dengan oleh yang dalam tentang terhadap per
    melalui
  `),
);

/** Acronyms and proper nouns written lower case by people in a hurry. */
const PROPER: Record<string, string> = Object.fromEntries(
  words(`
    Bappeda BKD BKPSDM BPKAD OPD SKPD SK SOP Renja Renstra RKA RKPD RPJMD DPA APBD LAKIP SAKIP
    LKjIP Setda Sekda UPT NIP OSS SIMBG ATR/BPN BPN PTSP DPMPTSP SPJ SPM SP2D PBG KTP NPWP NIB
    TU
  `).map((w) => [w.toLowerCase(), w]),
);

// ---------------------------------------------------------------------------------------------
// Morphology

const VOWEL = /^[aeiou]/;

function syllables(word: string): number {
  return (word.match(/ai|au|oi|ei|[aeiou]/g) ?? []).length;
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
function basesBehindNasal(word: string, p: 'pe' | 'me'): string[] {
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

function findVerb(candidates: string[]): VerbEntry | null {
  for (const c of candidates) {
    for (const form of [c, c + 'kan', c + 'i']) {
      const v = VERBS.get(form);
      if (v) return v;
    }
  }
  return null;
}

/** The verb behind a peN-an / per-an nominalisation: "pengecekan" -> cek, "persetujuan" -> setujui. */
function verbOfNominal(word: string): VerbEntry | null {
  if (!/^pe.{3,}an$/.test(word)) return null;
  const stem = word.slice(0, -2);
  return findVerb(basesBehindNasal(stem, 'pe'));
}

/** The verb behind a meN- form, when it is in the lexicon: "menyampaikan" -> sampaikan. */
function verbOfActive(word: string): VerbEntry | null {
  for (const c of basesBehindNasal(word, 'me')) {
    const v = VERBS.get(c);
    if (v && meN(v.base) === word) return v;
  }
  return null;
}

/** The verb behind a passive di- form: "diperiksa" -> periksa; generic for -kan and -i forms. */
function verbOfPassive(word: string): VerbEntry | null {
  if (!word.startsWith('di') || word.length < 5 || DI_NON_PASSIVES.has(word)) return null;
  const base = word.slice(2);
  const known = VERBS.get(base);
  if (known) return known;
  if (base.endsWith('kan') && base.length >= 6) return { base, suffix: 'kan' };
  return null;
}

/** A loan noun that is its own nominalisation: verifikasi, evaluasi, analisis, koordinasi. */
function isLoanNoun(word: string): boolean {
  return (/(si|sis)$/.test(word) && word.length >= 6) || word === 'survei';
}

/** The peN-an noun of a verb: susun -> penyusunan, setujui -> persetujuan, koordinasikan -> koordinasi. */
function nominalise(v: VerbEntry): string | null {
  const exception = NOUN_EXCEPTIONS[v.base];
  if (exception) return exception;
  const root = v.suffix ? v.base.slice(0, -v.suffix.length) : v.base;
  if (isLoanNoun(root)) return root;
  return nominalFromActive(meN(v.base), v.suffix);
}

/** peN-an from the active form: the nasal of meN- is the nasal of peN- (menyusun -> penyusunan). */
function nominalFromActive(active: string, suffix: VerbEntry['suffix']): string {
  const stem = suffix ? active.slice(0, -suffix.length) : active;
  return (stem.startsWith('memper') ? 'per' + stem.slice(6) : 'pe' + stem.slice(2)) + 'an';
}

// ---------------------------------------------------------------------------------------------
// Words

function clean(text: string): string {
  return normaliseWhitespace(stripInvisible(text.normalize('NFC')));
}

/** The letters of a token, lower case: "Periksa," -> "periksa". */
function core(token: string | undefined): string {
  return (token ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isActiveWord(w: string): boolean {
  if (ME_NON_VERBS.has(w) || BER_NON_VERBS.has(w)) return false;
  if (/^me[a-z]{3,}$/.test(w)) return true;
  if (/^ber[a-z]{3,}$/.test(w) || BE_VERBS.has(w)) return true;
  return BARE_ACTIVE_VERBS.has(w);
}

function capitaliseFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}

/** Restores the case of known acronyms and proper nouns in tokens typed all lower case. */
function fixProperToken(token: string): string {
  const m = /^([^\p{L}\p{N}]*)([\p{L}\p{N}/]+)([^\p{L}\p{N}]*)$/u.exec(token);
  if (!m) return token;
  const [, pre = '', word = '', post = ''] = m;
  if (word !== word.toLowerCase()) return token;
  const proper = PROPER[word];
  return proper ? pre + proper + post : token;
}

/** Sentence case for an activity: first letter up, acronyms fixed, everything else as typed. */
function polishActivity(tokens: string[]): string {
  return capitaliseFirst(tokens.map(fixProperToken).join(' '));
}

function titleToken(token: string, index: number): string {
  const fixed = fixProperToken(token);
  if (fixed !== token) return fixed;
  if (token !== token.toLowerCase()) return token; // someone chose this case: keep it
  if (index > 0 && LOWER_IN_TITLE.has(core(token))) return token;
  return token
    .split('-')
    .map((part) => capitaliseFirst(part))
    .join('-');
}

function titleCase(tokens: string[]): string {
  return tokens.map(titleToken).join(' ');
}

function stripLeadingConnectors(tokens: string[]): string[] {
  let i = 0;
  while (i < tokens.length - 1) {
    const two = `${core(tokens[i])} ${core(tokens[i + 1])}`;
    if (LEADING_CONNECTORS.has(two)) i += 2;
    else if (LEADING_CONNECTORS.has(core(tokens[i]))) i += 1;
    else break;
  }
  return tokens.slice(i);
}

function compoundAt(tokens: string[], i: number): { base: string; length: number } | null {
  for (const c of COMPOUND_VERBS) {
    if (c.words.every((w, k) => core(tokens[i + k]) === w))
      return { base: c.base, length: c.words.length };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Activities

/**
 * True when the text begins with an active verb: a meN- form ("Memeriksa", "Menandatangani"),
 * a ber- verb ("Berkoordinasi") or one of the few verbs used bare ("Hadir"). Passive forms
 * ("Diperiksa", "Berkas diperiksa"), imperative bases ("Periksa") and nouns ("Pemeriksaan",
 * "Rapat", "Berkas") are not.
 */
export function isActiveVerbPhrase(text: string): boolean {
  const tokens = clean(text).split(' ');
  return isActiveWord(core(tokens[0]));
}

/**
 * The activity name the bot proposes, or null when the text is already fine or no confident
 * proposal exists. Handles imperative bases ("periksa berkas" -> "Memeriksa berkas"), passives
 * ("berkas diperiksa oleh staf" -> "Memeriksa berkas"), nominalisations ("pengecekan berkas" ->
 * "Mengecek berkas"), a leading subject ("pemohon menyerahkan berkas" -> "Menyerahkan berkas"),
 * lower-case first letters and lower-case acronyms ("dari bappeda" -> "dari Bappeda").
 */
export function suggestActiveVerb(text: string): string | null {
  const original = clean(text);
  if (!original) return null;
  const proposal = proposeActivity(stripLeadingConnectors(original.split(' ')));
  if (proposal === null || proposal === text) return null;
  return proposal;
}

function proposeActivity(tokens: string[]): string | null {
  const first = core(tokens[0]);
  if (!first) return null;

  if (isActiveWord(first)) return polishActivity(tokens);

  const compound = compoundAt(tokens, 0);
  if (compound) return polishActivity([meN(compound.base), ...tokens.slice(compound.length)]);

  const base = VERBS.get(first);
  if (base) return polishActivity([meN(base.base), ...tokens.slice(1)]);

  const fromNoun = verbOfNominal(first);
  if (fromNoun) return polishActivity([meN(fromNoun.base), ...tokens.slice(1)]);

  // A passive, possibly after its object: "berkas diperiksa oleh staf" -> "Memeriksa berkas".
  for (let i = 0; i < Math.min(tokens.length, 5); i++) {
    const w = core(tokens[i]);
    if (w === 'yang') return null;
    const passive = verbOfPassive(w);
    if (!passive) continue;
    const object = tokens.slice(0, i).filter((t) => !AUXILIARIES.has(core(t)));
    const rest = dropAgent(tokens.slice(i + 1));
    return polishActivity([meN(passive.base), ...lowerFirst(object), ...rest]);
  }

  // A subject before an active verb: "pemohon menyerahkan berkas" -> "Menyerahkan berkas".
  for (let i = 1; i < Math.min(tokens.length, 4); i++) {
    const w = core(tokens[i]);
    if (/^me[a-z]{3,}$/.test(w) && !ME_NON_VERBS.has(w)) return polishActivity(tokens.slice(i));
  }
  return null;
}

/** The object moved behind the verb loses its sentence-initial capital ("Berkas" -> "berkas"). */
function lowerFirst(tokens: string[]): string[] {
  const [head, ...tail] = tokens;
  if (head === undefined) return tokens;
  const isCapitalisedWord = /^\p{Lu}\p{Ll}+$/u.test(head);
  return [isCapitalisedWord && !PROPER[head.toLowerCase()] ? head.toLowerCase() : head, ...tail];
}

const AFTER_AGENT = new Set(
  words(`
    untuk dengan ke kepada dari di pada sesuai melalui sebelum setelah
  `),
);

/** Drops "oleh <agent>": the performer is recorded as the lane, not in the activity name. */
function dropAgent(tokens: string[]): string[] {
  const at = tokens.findIndex((t) => core(t) === 'oleh');
  if (at < 0) return tokens;
  let end = at + 1;
  while (end < tokens.length && !AFTER_AGENT.has(core(tokens[end]))) end++;
  return [...tokens.slice(0, at), ...tokens.slice(end)];
}

// ---------------------------------------------------------------------------------------------
// Process names

function isNounWord(w: string): boolean {
  if (!w) return false;
  if (HEAD_NOUNS.has(w)) return true;
  if (isActiveWord(w) || verbOfPassive(w)) return false;
  if (isLoanNoun(w)) return true;
  if (VERBS.has(w) || AN_NON_NOUNS.has(w)) return false;
  if (/^(pe|per|ke).{2,}an$/.test(w)) return true;
  return /^.{3,}an$/.test(w) && !w.endsWith('kan');
}

/**
 * True when the text begins with a nominalisation (pe-an, peN-an, per-an, ke-an, -an, a loan
 * noun in -asi/-isasi) or a head noun such as "Layanan", "Rencana", "Laporan", and not with a
 * verb (meN-, di-, ber-, an imperative base).
 */
export function isNounPhrase(text: string): boolean {
  return isNounWord(core(clean(text).split(' ')[0]));
}

/**
 * The process name the bot proposes: a noun phrase in title case. "menyusun renja" ->
 * "Penyusunan Renja", "kelola surat masuk" -> "Pengelolaan Surat Masuk", "penyusunan rencana
 * kerja" -> "Penyusunan Rencana Kerja". Null when the text is fine or no confident proposal exists.
 */
export function suggestProcessName(text: string): string | null {
  const tokens = clean(text).split(' ');
  const first = core(tokens[0]);
  if (!first) return null;
  let proposal: string | null = null;
  if (isNounWord(first)) {
    proposal = titleCase(tokens);
  } else {
    const compound = compoundAt(tokens, 0);
    const verb: VerbEntry | null = compound
      ? (VERBS.get(compound.base) ?? null)
      : (VERBS.get(first) ?? verbOfActive(first) ?? verbOfPassive(first));
    const noun = verb ? nominalise(verb) : genericNominal(first);
    if (noun) proposal = titleCase([noun, ...tokens.slice(compound ? compound.length : 1)]);
  }
  if (proposal === null || proposal === text) return null;
  return proposal;
}

/**
 * The peN-an noun of a meN- verb outside the lexicon, only when that is safe: "merencanakan" ->
 * "perencanaan". A form ending in -i is left alone (menilai vs mengawasi cannot be told apart).
 */
function genericNominal(word: string): string | null {
  if (!/^me[a-z]{3,}$/.test(word) || ME_NON_VERBS.has(word) || word.endsWith('i')) return null;
  return nominalFromActive(word, word.endsWith('kan') ? 'kan' : '');
}
