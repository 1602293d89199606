// The coordination commands of the chat: campaigns, progress, reminders, reviews, handoffs and the
// organisation's maps. Slash commands only: as bare words they could be answers ("Progres kerja").
// Each has an Indonesian name and an English alias; Telegram turns "/setujui_0102" into a tappable
// command, so a code may follow an underscore instead of a space.

export type DeskCommand =
  /** Open a campaign (coordinator), or show the open one. */
  | { name: 'campaign' }
  /** The progress table and chart. */
  | { name: 'progress' }
  /** One unit's processes, review state, handoffs and maps. */
  | { name: 'unit'; unit: string | null }
  /** Remind a unit's people now. */
  | { name: 'remind'; unit: string | null }
  /** The organisation's interface ledger (Peta Relasi); `unit` narrows it. */
  | { name: 'ledger'; unit: string | null }
  /**
   * The Peta Relasi drawn from the processes' flows ("/relasi proses"), or from one process's flow
   * ("/relasi 01.02"): who hands what to whom, per process, and whether the receiver confirmed it.
   */
  | { name: 'relation'; code: string | null }
  /** The Level-0 map; `propose`: Probis proposes it from the units' inventories. */
  | { name: 'level0'; propose: boolean }
  /** The process tree below one process. */
  | { name: 'tree'; code: string | null }
  /** Processes waiting for this person's review (submitted to a head, approved for a coordinator). */
  | { name: 'queue' }
  | { name: 'approve' | 'validate'; code: string | null }
  | { name: 'return'; code: string | null; comment: string | null }
  /** The handoffs this person's unit must answer. */
  | { name: 'handoffs' }
  /** The disputed handoffs (coordinator). */
  | { name: 'disputes' }
  /** What changed since the last approved version, in words and on the map. */
  | { name: 'diff'; code: string | null }
  /** The process inventory (Daftar Proses Bisnis) as an XLSX file, with the ratification evidence. */
  | { name: 'inventory' }
  /** The decree's annex (PDF) and the decree's draft (DOCX). */
  | { name: 'annex' };

const NAMES: Record<string, DeskCommand['name']> = {
  kampanye: 'campaign',
  campaign: 'campaign',
  progres: 'progress',
  progress: 'progress',
  unit: 'unit',
  ingatkan: 'remind',
  remind: 'remind',
  relasi: 'ledger',
  ledger: 'ledger',
  relation: 'relation',
  level0: 'level0',
  pohon: 'tree',
  tree: 'tree',
  periksa: 'queue',
  review: 'queue',
  setujui: 'approve',
  approve: 'approve',
  kembalikan: 'return',
  return: 'return',
  validasi: 'validate',
  validate: 'validate',
  serahterima: 'handoffs',
  handoffs: 'handoffs',
  sengketa: 'disputes',
  disputes: 'disputes',
  versi: 'diff',
  diff: 'diff',
  inventaris: 'inventory',
  inventory: 'inventory',
  lampiran: 'annex',
  annex: 'annex',
};

/** "0102" (from a tappable /setujui_0102) or "01.02" -> "01.02"; other text unchanged. */
export function normaliseCode(raw: string): string {
  const t = raw.trim();
  if (/^\d{4,}$/.test(t) && t.length % 2 === 0) return t.match(/\d\d/g)!.join('.');
  return t;
}

/** A tappable form of a command with a code: "/setujui_0102". */
export function tappable(command: string, code: string): string {
  return `/${command}_${code.replace(/\./g, '')}`;
}

/** A coordination command, or null when the text is not one. */
export function parseDeskCommand(text: string): DeskCommand | null {
  const t = text.trim();
  if (!t.startsWith('/')) return null;
  const m = /^\/([a-z0-9]+)(?:@\w+)?(?:_(\S+))?(?:\s+([\s\S]*))?$/i.exec(t);
  if (!m) return null;
  const name = NAMES[m[1]!.toLowerCase()];
  if (!name) return null;
  const joined = [m[2], m[3]?.trim()].filter(Boolean).join(' ');
  const args = joined.length ? joined : null;
  switch (name) {
    case 'campaign':
    case 'progress':
    case 'queue':
    case 'handoffs':
    case 'disputes':
    case 'inventory':
    case 'annex':
      return { name };
    case 'unit':
    case 'remind':
      return { name, unit: args };
    case 'ledger':
      return ledgerOrRelation(args);
    case 'relation':
      return relationOf(args);
    case 'level0':
      return { name, propose: !!args && /^(usul|usulan|usulkan|propose)$/i.test(args) };
    case 'tree':
    case 'approve':
    case 'validate':
    case 'diff':
      return { name, code: args ? normaliseCode(args.split(/\s+/)[0]!) : null };
    case 'return': {
      if (!args) return { name, code: null, comment: null };
      const [code = '', ...rest] = args.split(/\s+/);
      const comment = rest.join(' ').trim();
      return { name, code: normaliseCode(code), comment: comment || null };
    }
  }
}

/** "/relasi proses [KODE]" and "/relation [CODE]": the word, then an optional code. */
const PROCESS_WORD = /^(proses|process|processes)(?:[\s_]+(\S+))?$/i;
/** A process code, with or without the organisation's prefix: "03.01", "SETDA.03.01". */
const CODE = /^(?:[a-z]+\.)?\d+(?:\.\d+)*$/i;

/**
 * /relasi names a unit (the interface ledger), the word "proses" (the relation map of every
 * process) or a process code (the relation map of that process); a unit is never named by digits.
 */
function ledgerOrRelation(args: string | null): DeskCommand {
  if (args === null) return { name: 'ledger', unit: null };
  const word = PROCESS_WORD.exec(args);
  if (word) return { name: 'relation', code: word[2] ? normaliseCode(word[2]) : null };
  const code = normaliseCode(args);
  if (CODE.test(code)) return { name: 'relation', code };
  return { name: 'ledger', unit: args };
}

function relationOf(args: string | null): DeskCommand {
  if (args === null) return { name: 'relation', code: null };
  const word = PROCESS_WORD.exec(args);
  const code = word ? (word[2] ?? null) : args.split(/\s+/)[0]!;
  return { name: 'relation', code: code ? normaliseCode(code) : null };
}
