// Rewriting a step as people type it into an activity name that keeps its meaning: an active
// verb without a subject ("Memeriksa kelengkapan berkas"), with the performer named in the
// sentence returned apart, for the performer question ("tanda tangan Camat" -> "Menandatangani",
// performer "Camat").
//
// The rewriter reads the phrase as: [performer] verb [(dan|serta|,) verb]… [performer] rest,
// or object passive[-nya noun] [agent] rest, or nominalisation [object] [dilakukan] rest; "oleh
// X" anywhere after the verb names the performer too.
import {
  AUXILIARIES,
  DI_NON_PASSIVES,
  PROPER,
  VERBS,
  capitaliseFirst,
  clean,
  compoundAt,
  core,
  isActiveWord,
  meN,
  polishActivity,
  stripLeadingConnectors,
  titleCase,
  verbOfActive,
  verbOfNominal,
  words,
} from './morphology.js';
import { performerHead, performerSpan } from './positions.js';

export type StepRewrite = {
  /** The activity name proposed: the input itself when nothing needed changing. */
  name: string;
  /** A performer named in the sentence ("Camat", "Petugas Loket"), for the performer question. */
  performerHint: string | null;
  /** True when `name` differs from the (cleaned) input or a performer was lifted out. */
  changed: boolean;
};

/** Loans and office shorthand, mapped to the verb base standard Indonesian uses. */
const SHORTHAND: Record<string, string> = {
  upload: 'unggah',
  scan: 'pindai',
  scanning: 'pindai',
  print: 'cetak',
  printout: 'cetak',
  acc: 'setujui',
  approve: 'setujui',
  verif: 'verifikasi',
  ttd: 'tandatangani',
  tandatangan: 'tandatangani',
  check: 'cek',
  ngecek: 'cek',
  ngecheck: 'cek',
  entri: 'input',
  entry: 'input',
  disposisi: 'disposisikan',
  forward: 'teruskan',
  fwd: 'teruskan',
  download: 'unduh',
  save: 'simpan',
  submit: 'ajukan',
  review: 'reviu',
  arsip: 'arsipkan',
  fotocopy: 'fotokopi',
  fotocopi: 'fotokopi',
  fc: 'fotokopi',
  klasifikasi: 'klasifikasikan',
  respon: 'respons',
  monitoring: 'pantau',
};

/** Loan nouns that mean "to do it together with someone" before dengan/ke: "koordinasi dengan BPN". */
const BER_BASES = new Set(words(`koordinasi konsultasi diskusi`));
const BER_FOLLOWERS = new Set(words(`dengan ke kepada`));

/** Verbs whose object is usually a person: a position right after them is the object. */
const PERSON_OBJECT = new Set(
  words(`
    hubungi panggil undang layani bimbing tugaskan tunjuk latih arahkan wawancarai informasikan
    beritahukan beri berikan temui lantik usulkan terima minta kirim kirimkan serahkan sampaikan
    bentuk
  `),
);

/** Verbs no person can be the object of: a position after them is the one who signs or approves. */
const SIGN = new Set(words(`tandatangani paraf setujui`));

/** Light verbs: "penerimaan berkas dilakukan" is "Menerima berkas". */
const LIGHT = new Set(words(`lakukan laksanakan`));

/** Words in -kan that are not imperatives. */
const NOT_IMPERATIVE = new Set(words(`sedangkan berdasarkan andaikan misalkan`));

const CONJUNCTIONS = new Set(words(`dan serta lalu kemudian atau & /`));

/** The verb base behind a typed word: a base, a loan or shorthand, a colloquial form. */
export function resolveBase(w: string): string | null {
  const direct = SHORTHAND[w] ?? (VERBS.has(w) ? w : null);
  if (direct) return direct;
  // Colloquial -in for -kan: "serahin" -> serahkan.
  if (w.endsWith('in') && VERBS.has(w.slice(0, -2) + 'kan')) return w.slice(0, -2) + 'kan';
  // Colloquial nasal prefixes: "ngeprint", "nge-scan", "nginput", "ngirim", "nyusun".
  if (w.startsWith('nge-')) return resolveBase('nge' + w.slice(4));
  const tries: string[] = [];
  if (w.startsWith('nge')) tries.push(w.slice(3));
  if (w.startsWith('ng')) tries.push(w.slice(2), 'k' + w.slice(2));
  if (w.startsWith('ny')) tries.push('s' + w.slice(2));
  for (const t of tries) {
    const b = SHORTHAND[t] ?? (VERBS.has(t) ? t : null);
    if (b && t.length >= 3) return b;
  }
  return null;
}

export type Kind = 'base' | 'active' | 'passive' | 'nominal';

export interface VerbHit {
  /** The active form, lower case ("memeriksa"), or the token as typed for an active word. */
  active: string;
  /** The base when known ("periksa"), to tell signing verbs and person-object verbs. */
  base: string | null;
  /** Tokens the verb takes ("tanda tangan" is two). */
  length: number;
  kind: Kind;
}

function hit(base: string, length: number, kind: Kind): VerbHit {
  return { active: meN(base), base, length, kind };
}

/** A verb base written at `i`, one token or a compound ("tanda tangan"). */
function baseAt(tokens: string[], i: number): { base: string; length: number } | null {
  const compound = compoundAt(tokens, i);
  if (compound) return compound;
  const b = resolveBase(core(tokens[i]));
  return b ? { base: b, length: 1 } : null;
}

/** The verb that begins at token `i`, if any. */
export function verbAt(tokens: string[], i: number, allowNominal: boolean): VerbHit | null {
  const w = core(tokens[i]);
  if (!w) return null;
  const base = baseAt(tokens, i);
  if (base) return hit(base.base, base.length, 'base');
  // A passive written apart or with a hyphen: "di cek", "di-TTD".
  if (w === 'di') {
    const next = baseAt(tokens, i + 1);
    return next ? hit(next.base, next.length + 1, 'passive') : null;
  }
  if (w.startsWith('di') && w.length >= 4 && !DI_NON_PASSIVES.has(w)) {
    const rest = w.slice(2).replace(/^-/, '');
    const next = core(tokens[i + 1]);
    if (rest === 'tanda' && (next === 'tangani' || next === 'tangan'))
      return hit('tandatangani', 2, 'passive');
    if (rest === 'tindak' && (next === 'lanjuti' || next === 'lanjut'))
      return hit('tindaklanjuti', 2, 'passive');
    const b = resolveBase(rest) ?? (rest.endsWith('kan') && rest.length >= 6 ? rest : null);
    if (b) return hit(b, 1, 'passive');
  }
  if (BER_BASES.has(w) && BER_FOLLOWERS.has(core(tokens[i + 1])))
    return { active: 'ber' + w, base: null, length: 1, kind: 'active' };
  if (isActiveWord(w)) {
    const typed = (tokens[i] ?? '').replace(/[^\p{L}\p{N}-]+$/u, '');
    return { active: typed, base: verbOfActive(w)?.base ?? null, length: 1, kind: 'active' };
  }
  // An imperative outside the lexicon: "bersihkan", "tempelkan" (-kan only makes verbs).
  const nominal = verbOfNominal(w); // "pengecekan" ends in -kan too
  if (nominal) return allowNominal ? hit(nominal.base, 1, 'nominal') : null;
  if (/^[a-z]{4,}kan$/.test(w) && !/^(me|di)/.test(w) && !NOT_IMPERATIVE.has(w))
    return hit(w, 1, 'base');
  return null;
}

/** A passive verb at `from`…`last`, before any "yang" (a relative clause is not the step's verb). */
function findPassive(
  tokens: string[],
  from: number,
  last: number,
  fusedOnly: boolean,
): { at: number; verb: VerbHit } | null {
  for (let i = from; i <= Math.min(last, tokens.length - 1); i++) {
    const w = core(tokens[i]);
    if (w === 'yang') return null;
    if (fusedOnly && w === 'di') continue;
    const v = verbAt(tokens, i, false);
    if (v?.kind === 'passive') return { at: i, verb: v };
    if (v && fusedOnly) return null;
  }
  return null;
}

/** Trailing punctuation of a token ("periksa," -> ","), kept on the rewritten verb. */
function trailing(token: string | undefined): string {
  return /[^\p{L}\p{N}]*$/u.exec(token ?? '')?.[0] ?? '';
}

/** The object moved behind the verb loses its sentence-initial capital ("Berkas" -> "berkas"). */
function lowerFirst(tokens: string[]): string[] {
  const [head, ...tail] = tokens;
  if (head === undefined) return tokens;
  const isCapitalisedWord = /^\p{Lu}\p{Ll}+$/u.test(head);
  return [isCapitalisedWord && !PROPER[head.toLowerCase()] ? head.toLowerCase() : head, ...tail];
}

/** Words that end the name of an agent after "oleh". */
const AFTER_AGENT = new Set(
  words(`
    untuk dengan ke kepada dari di pada sesuai melalui via sebelum setelah
  `),
);

/** Text typed all in capitals ("PERIKSA BERKAS"): read in lower case, acronyms kept. */
function unshout(tokens: string[]): string[] {
  const letters = tokens.join('');
  const shouting = tokens.length > 1 && /\p{Lu}/u.test(letters) && !/\p{Ll}/u.test(letters);
  return shouting ? tokens.map((t) => (PROPER[core(t)] ? t : t.toLowerCase())) : tokens;
}

/**
 * Rewrites one step as typed or pasted into an activity name (see the file comment). Never
 * rejects: when no verb is found the name is the input as it was, and `changed` is false.
 */
export function rewriteStep(raw: string): StepRewrite {
  const cleaned = clean(raw);
  const text = cleaned
    .replace(/^(?:\d{1,3}[.)]|[-•*–])\s*/u, '')
    .replace(/[.;,]+$/, '')
    .trim();
  const parsed = text ? parse(stripLeadingConnectors(unshout(text.split(' ')))) : null;
  if (!parsed) return { name: cleaned, performerHint: null, changed: false };
  const name = polishActivity(parsed.words);
  const performerHint = parsed.performer
    ? titleCase(parsed.performer.map((t) => t.replace(/[,:;]+$/, '')))
    : null;
  return { name, performerHint, changed: name !== cleaned || performerHint !== null };
}

function parse(input: string[]): { words: string[]; performer: string[] | null } | null {
  let tokens = input;
  let performer: string[] | null = null;

  // A performer as the subject: "Kasubbag Umum memeriksa usulan", "Camat: tanda tangan SK".
  if (performerHead(tokens[0], tokens[1]) && !verbAt(tokens, 0, false)) {
    const j = subjectEnd(tokens);
    if (j > 0) {
      performer = tokens.slice(0, j);
      tokens = tokens.slice(j);
    }
  }

  let start = 0;
  let object: string[] = [];
  let verb = verbAt(tokens, 0, true);
  if (verb && (verb.kind === 'base' || verb.kind === 'nominal')) {
    // A word that can be a noun, followed by a passive: "pemberian cuti disetujui Kadis" is
    // "Menyetujui pemberian cuti"; "penerimaan berkas dilakukan oleh petugas" is "Menerima berkas".
    const p = findPassive(tokens, 1, verb.kind === 'nominal' ? 4 : 2, true);
    if (p && verb.kind === 'nominal' && p.verb.base && LIGHT.has(p.verb.base)) {
      object = tokens.slice(1, p.at);
      tokens = [tokens[0]!, ...tokens.slice(p.at + p.verb.length)];
    } else if (p) {
      object = tokens.slice(0, p.at);
      start = p.at;
      verb = p.verb;
    }
  }
  if (!verb) {
    // The object first: "berkas sudah diperiksa oleh Kasubbag".
    const p = findPassive(tokens, 1, 5, false);
    if (p) {
      object = tokens.slice(0, p.at).filter((t) => !AUXILIARIES.has(core(t)));
      start = p.at;
      verb = p.verb;
    }
  }
  if (!verb) {
    // Another subject before an active verb: "Bidang anggaran memverifikasi RKA".
    for (let i = 1; i < Math.min(tokens.length, 4); i++) {
      const v = verbAt(tokens, i, false);
      if (v?.kind === 'active' && /^me/.test(core(tokens[i]))) {
        if (performerHead(tokens[0], tokens[1])) performer ??= tokens.slice(0, i);
        start = i;
        verb = v;
        break;
      }
    }
  }
  if (!verb) return null;

  // The verb and the verbs paired with it: "teliti dan paraf", "terima, catat dan agendakan".
  const out: string[] = [verbWord(verb, tokens[start + verb.length - 1])];
  let k = start + verb.length;
  let last = verb;
  let passive = verb.kind === 'passive';
  for (;;) {
    const t = tokens[k];
    const joined = CONJUNCTIONS.has(core(t) || (t ?? ''));
    if (!joined && !tokens[k - 1]?.endsWith(',')) break;
    const at = joined ? k + 1 : k;
    const next = verbAt(tokens, at, false);
    if (!next || next.kind === 'nominal') break;
    if (joined) out.push(t!);
    out.push(verbWord(next, tokens[at + next.length - 1]));
    k = at + next.length;
    last = next;
    passive ||= next.kind === 'passive';
  }

  // After a passive, "-nya" names what was done to the object: "berkas diperiksa kelengkapannya".
  const nya = core(tokens[k]);
  if (passive && nya.endsWith('nya') && nya.length > 5) {
    out.push(tokens[k]!.replace(/nya(?=[^\p{L}]*$)/u, ''));
    k++;
  }

  // A performer right after the verb: "paraf Sekcam", "ditandatangani Kepala Dinas".
  const head = performerHead(tokens[k], tokens[k + 1]);
  const lastBase = last.base ?? '';
  const sign = SIGN.has(lastBase);
  if (
    head &&
    head !== 'unit' &&
    (passive || sign || (head === 'strong' && !PERSON_OBJECT.has(lastBase)))
  ) {
    const n = performerSpan(tokens, k);
    performer ??= tokens.slice(k, k + n);
    k += n;
    if (sign && core(tokens[k]) === 'pada') k++;
  }

  // "oleh X" names the performer; it is not part of the activity.
  let rest = tokens.slice(k);
  const by = rest.findIndex((t) => core(t) === 'oleh');
  if (by >= 0 && by < rest.length - 1) {
    let end = by + 1;
    while (end < rest.length && !AFTER_AGENT.has(core(rest[end]))) end++;
    performer ??= rest.slice(by + 1, end);
    rest = [...rest.slice(0, by), ...rest.slice(end)];
  }

  if (!passive && verb.kind !== 'nominal') rest = laterVerbs(rest);
  out.push(...lowerFirst(object), ...rest);
  out[0] = capitaliseFirst(out[0]!);
  return { words: out, performer };
}

/** The active form to write for a verb: lower case, with the punctuation its last token had. */
function verbWord(v: VerbHit, lastToken: string | undefined): string {
  return (v.kind === 'active' ? v.active : v.active.toLowerCase()) + trailing(lastToken);
}

/**
 * Where the performer as subject ends: before the first meN- verb within six words ("petugas
 * ukur melakukan pengukuran": "ukur" is part of the position), else before the first other
 * verb ("Kabid acc", "Camat: tanda tangan SK"); 0 when there is none.
 */
function subjectEnd(tokens: string[]): number {
  const last = Math.min(tokens.length, 7);
  for (let j = 1; j < last; j++) {
    if (tokens[j - 1]?.endsWith(':')) return j;
    if (verbAt(tokens, j, false)?.kind === 'active' && /^me/.test(core(tokens[j]))) return j;
  }
  for (let j = 1; j < last; j++) {
    const v = verbAt(tokens, j, false);
    if (v && v.kind !== 'passive') return j;
  }
  return 0;
}

/** Bases that are as often nouns: after "dan" they are left as they are ("laporan dan rekap"). */
const NOUN_LIKE = new Set(
  words(`proses nilai cap rekap arsip input disposisi revisi evaluasi survei registrasi analisis
    verifikasi validasi konfirmasi klarifikasi mediasi monitor transfer respons reviu koreksi
    kompilasi rekapitulasi inventarisasi identifikasi fasilitasi tik wawancara`),
);

/**
 * A second imperative after the object: "scan SK dan simpan di folder" -> "… dan menyimpan di
 * folder". Only a base that is not also a noun, right after dan/serta/lalu/kemudian.
 */
function laterVerbs(rest: string[]): string[] {
  const out = [...rest];
  for (let i = 1; i < out.length; i++) {
    if (!CONJUNCTIONS.has(core(out[i - 1]))) continue;
    const w = core(out[i]);
    if (NOUN_LIKE.has(w) || (SHORTHAND[w] === undefined && !VERBS.has(w))) continue;
    const v = verbAt(out, i, false);
    if (v?.kind !== 'base' || v.length !== 1) continue;
    out[i] = verbWord(v, out[i]);
  }
  return out;
}
