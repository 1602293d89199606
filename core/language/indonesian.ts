// Naming heuristics for Indonesian process maps (see the domain brief, "Naming"):
// activities are active verb phrases without a subject ("Memeriksa kelengkapan berkas"),
// process names are noun phrases ("Penyusunan Rencana Kerja").
//
// These are heuristics on affixes backed by a small lexicon of verbs that SOPs use (lexicon and
// morphology in morphology.ts, positions in positions.ts, the step rewriter in step-rewrite.ts).
// They are meant to help a staff member, never to reject: every suggestion is returned as a
// proposal, and `null` means "fine as it is" or "not sure enough to propose anything".
import {
  AN_NON_NOUNS,
  HEAD_NOUNS,
  VERBS,
  type VerbEntry,
  clean,
  compoundAt,
  core,
  isActiveWord,
  isLoanNoun,
  nominalFromActive,
  nominalise,
  titleCase,
  verbOfActive,
  verbOfPassive,
  ME_NON_VERBS,
} from './morphology.js';
import { resolveBase, rewriteStep, verbAt } from './step-rewrite.js';

export { meN } from './morphology.js';
export { rewriteStep, type StepRewrite } from './step-rewrite.js';

// ---------------------------------------------------------------------------------------------
// Activities

/**
 * True when the text begins with an active verb: a meN- form ("Memeriksa", "Menandatangani"),
 * a ber- verb ("Berkoordinasi") or one of the few verbs used bare ("Hadir"). Passive forms
 * ("Diperiksa", "Berkas diperiksa"), imperative bases ("Periksa", "Berikan") and nouns
 * ("Pemeriksaan", "Rapat", "Berkas") are not.
 */
export function isActiveVerbPhrase(text: string): boolean {
  const tokens = clean(text).split(' ');
  return isActiveWord(core(tokens[0]));
}

/**
 * The activity name the bot proposes, or null when the text is already fine or no confident
 * proposal exists: `rewriteStep(text).name` when it differs from the text. A performer named in
 * the text is left out of the name; callers that can ask for the performer use `rewriteStep`,
 * which returns it as `performerHint`.
 */
export function suggestActiveVerb(text: string): string | null {
  const r = rewriteStep(text);
  return r.changed && r.name !== text && r.name !== '' ? r.name : null;
}

// ---------------------------------------------------------------------------------------------
// Process names

/** A nominalisation or a head noun: the words a process name in the proper form begins with. */
function isNominalWord(w: string): boolean {
  if (!w) return false;
  if (HEAD_NOUNS.has(w)) return true;
  if (isActiveWord(w) || verbOfPassive(w)) return false;
  if (isLoanNoun(w)) return true;
  if (VERBS.has(w) || AN_NON_NOUNS.has(w)) return false;
  if (/^(pe|per|ke).{2,}an$/.test(w)) return true;
  return /^.{3,}an$/.test(w) && !w.endsWith('kan');
}

/** True when the phrase begins with a verb in any form: active, passive, base, shorthand. */
function beginsWithVerb(tokens: string[]): boolean {
  const w = core(tokens[0]);
  if (isNominalWord(w)) return false;
  if (w === 'tindak' && core(tokens[1]) === 'lanjut') return false; // the noun; "tindak lanjuti" is the verb
  const v = verbAt(tokens, 0, false);
  return v !== null;
}

/**
 * True when the text is a noun phrase: it begins with a nominalisation (pe-an, peN-an, per-an,
 * ke-an, -an, a loan noun in -asi/-isasi), a head noun such as "Layanan" or "Rencana", or any
 * other word that is not a verb ("Surat Masuk", "SPJ"). Verbs in any form (meN-, di-, ber-, an
 * imperative base, office shorthand such as "verif" or "acc") are not.
 */
export function isNounPhrase(text: string): boolean {
  const tokens = clean(text).split(' ');
  return core(tokens[0]) !== '' && !beginsWithVerb(tokens);
}

/** Light verbs in front of a noun that already names the work: "Melakukan verifikasi dokumen". */
const LIGHT_VERBS = new Set(['melakukan', 'lakukan', 'melaksanakan', 'laksanakan']);

/**
 * The process name the bot proposes: a noun phrase in title case. "menyusun renja" ->
 * "Penyusunan Renja", "kelola surat masuk" -> "Pengelolaan Surat Masuk", "Melakukan verifikasi
 * dokumen" -> "Verifikasi Dokumen", "verif berkas" -> "Verifikasi Berkas", "surat masuk" ->
 * "Surat Masuk". Null when the text is fine ("Surat Masuk", "SPJ", "Pengelolaan Surat Masuk") or
 * no confident proposal exists.
 */
export function suggestProcessName(text: string): string | null {
  const tokens = clean(text).split(' ');
  const first = core(tokens[0]);
  if (!first) return null;
  let proposal: string | null = null;
  if (LIGHT_VERBS.has(first) && tokens.length > 1 && isNominalWord(core(tokens[1]))) {
    proposal = titleCase(tokens.slice(1));
  } else if (isNominalWord(first)) {
    proposal = titleCase(tokens);
  } else if (!beginsWithVerb(tokens)) {
    // A plain noun phrase is the person's choice; only one typed all in lower case is capitalised.
    const joined = tokens.join(' ');
    proposal = joined === joined.toLowerCase() ? titleCase(tokens) : null;
  } else {
    const compound = compoundAt(tokens, 0);
    const base = compound ? null : resolveBase(first);
    const verb: VerbEntry | null = compound
      ? (VERBS.get(compound.base) ?? null)
      : ((base ? VERBS.get(base) : undefined) ?? verbOfActive(first) ?? verbOfPassive(first));
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
