// Positions (jabatan) and outside parties as people name them inside a step: "tanda tangan Camat",
// "berkas diperiksa oleh petugas loket", "Kasubbag Umum memeriksa usulan". The rewriter lifts
// them out of the activity name, since the performer is its own question (the pelaksana column).
import { core, words } from './morphology.js';

/**
 * Words that head a performer. Strong heads are positions inside government; they are a
 * performer wherever they stand after a verb ("paraf Sekcam").
 */
const STRONG_HEADS = new Set(
  words(`
    camat sekcam lurah seklur kades sekdes kasi kasie kasubbag kasubag kasubbid kasubid kabid
    kabag kadis kaban kakan kepala sekretaris sekdis sekban sekda asisten bupati walikota wali
    gubernur petugas staf staff bendahara verifikator operator admin administrator analis
    arsiparis pengelola pengadministrasi pranata penata pengolah pelaksana atasan pimpinan ppk
    pptk pa kpa bud ppid fo cs front back resepsionis inspektur auditor direktur koordinator
    ketua wakil pejabat panitia tim
  `),
);

/**
 * Weak heads are people who are also the usual object of a verb ("hubungi pemohon", "data
 * pegawai"): a performer before the verb, after "oleh" or after a passive, never right after an
 * active verb (except a signature: "tanda tangan pemohon").
 */
const WEAK_HEADS = new Set(
  words(`
    pemohon pegawai masyarakat pelapor pengadu warga peserta pendaftar asn
  `),
);

/** Units that perform a step when they are its subject: "Bidang Anggaran memverifikasi RKA". */
const UNIT_HEADS = new Set(
  words(`
    bidang bagian seksi subbagian subbag sekretariat upt loket
  `),
);

/** Heads that need the next word: "Kepala Dinas", "Tim Teknis", "Atasan Langsung", "Front Office". */
const NEEDS_COMPLEMENT = new Set(
  words(`kepala tim atasan front back wakil pejabat wali asisten panitia petugas`),
);

/** Two-word parties whose first word alone is something else: "wajib pajak" (wajib: must). */
const PAIRED_HEADS: Record<string, Set<string>> = {
  wajib: new Set(words(`pajak retribusi`)),
};

/** Words that continue a position written in lower case: "petugas loket", "staf tu". */
const POSITION_TAILS = new Set(
  words(`
    umum kepegawaian keuangan pelayanan perizinan pemerintahan teknis loket tu dinas badan
    bidang seksi bagian sub subbagian perencanaan program pengeluaran penerimaan desa kelurahan
    kecamatan office langsung kota daerah siak barang verifikasi ybs pelaksana
  `),
);

/** Uppercase heads that are ordinary words in lower case ("pa" is not "PA"). */
const UPPER_ONLY = new Set(words(`pa kpa cs fo bud`));

export type HeadStrength = 'strong' | 'weak' | 'unit';

/** Whether a token heads a performer, and how sure that is. */
export function performerHead(
  token: string | undefined,
  next?: string | undefined,
): HeadStrength | null {
  const w = core(token);
  if (!w || !token) return null;
  const paired = PAIRED_HEADS[w];
  if (paired) return paired.has(core(next)) ? 'weak' : null;
  if (UPPER_ONLY.has(w)) return /\p{Ll}/u.test(token) ? null : 'strong';
  if (STRONG_HEADS.has(w)) return 'strong';
  if (WEAK_HEADS.has(w)) return 'weak';
  if (UNIT_HEADS.has(w)) return 'unit';
  return null;
}

/**
 * How many tokens from `i` name a performer that stands after a verb or "oleh": the head, a
 * complement it needs, then words that continue a position (capitalised, an acronym, a known
 * tail such as "loket" or "umum"), and "dan"/"bersama"/"/" joining a second performer.
 */
export function performerSpan(tokens: string[], i: number): number {
  if (!performerHead(tokens[i], tokens[i + 1])) return 0;
  let end = i + 1;
  const head = core(tokens[i]);
  if (
    (NEEDS_COMPLEMENT.has(head) || PAIRED_HEADS[head]) &&
    end < tokens.length &&
    !isBreak(tokens[end])
  )
    end++;
  while (end < tokens.length) {
    const t = tokens[end] ?? '';
    const w = core(t);
    if (
      (w === 'dan' || w === 'bersama' || t === '/') &&
      performerHead(tokens[end + 1], tokens[end + 2])
    ) {
      end += 1 + Math.max(1, performerSpan(tokens, end + 1));
      continue;
    }
    if (isBreak(t)) break;
    const capitalised = /^\p{Lu}/u.test(t);
    if (capitalised || POSITION_TAILS.has(w)) {
      end++;
      continue;
    }
    break;
  }
  return end - i;
}

const BREAKS = new Set(
  words(`
    ke kepada dari di pada untuk dengan melalui via sesuai sebelum setelah dan atau serta yang
    lalu kemudian oleh
  `),
);

function isBreak(token: string | undefined): boolean {
  return BREAKS.has(core(token)) || /[,;:]$/.test(token ?? '');
}
