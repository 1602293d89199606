// Commands that work at any question, in Indonesian words or as slash commands.

export type Command =
  | {
      name:
        | 'back'
        | 'skip'
        | 'cancel'
        | 'help'
        | 'status'
        | 'language'
        | 'menu'
        | 'undo'
        | 'summary'
        | 'bpmn'
        | 'invite';
    }
  | { name: 'edit' | 'delete' | 'insert'; no: number }
  | { name: 'move'; from: number; to: number }
  | { name: 'rename'; text: string | null }
  /**
   * /sop [kode] [docx|f4|ubah]: the SOP of the current draft or of the process with that code;
   * `bad`: a word that is none of these (refused with an example).
   */
  | {
      name: 'sop';
      code: string | null;
      action: 'file' | 'edit';
      what: 'sop-pdf' | 'sop-docx';
      paper: 'a4' | 'f4';
      bad: string | null;
    }
  | { name: 'unknown'; text: string };

const WORDS: Record<string, Command['name']> = {
  kembali: 'back',
  back: 'back',
  mundur: 'back',
  lewati: 'skip',
  lewat: 'skip',
  skip: 'skip',
  batal: 'cancel',
  cancel: 'cancel',
  bantuan: 'help',
  help: 'help',
  tolong: 'help',
  status: 'status',
  bahasa: 'language',
  language: 'language',
  menu: 'menu',
  urungkan: 'undo',
  undo: 'undo',
  ringkasan: 'summary',
  summary: 'summary',
  peta: 'summary',
};
/** Only as slash commands: as bare words they are too likely to be answers. */
const SLASH_ONLY: Record<string, Command['name']> = {
  undang: 'invite',
  invite: 'invite',
  bpmn: 'bpmn',
};
const WITH_NO: Record<string, 'edit' | 'delete' | 'insert'> = {
  ubah: 'edit',
  edit: 'edit',
  hapus: 'delete',
  delete: 'delete',
  sisip: 'insert',
  sisipkan: 'insert',
  insert: 'insert',
  tambah: 'insert',
};

/**
 * A command, or null when the text is an answer. Bare words count only when they are the whole
 * message ("kembali", "ubah 3"), so that an answer such as "Mengembalikan berkas" stays an answer.
 */
export function parseCommand(text: string): Command | null {
  const t = text.trim();
  const slash = t.startsWith('/');
  const body = (slash ? t.slice(1) : t).replace(/^([a-z_]+)@\w+/i, '$1');
  const [head = '', ...rest] = body.split(/\s+/);
  const word = head.toLowerCase();
  const args = rest.join(' ').trim();
  if (WORDS[word] && !args) return { name: WORDS[word] } as Command;
  if (slash && SLASH_ONLY[word] && !args) return { name: SLASH_ONLY[word] } as Command;
  const withNo = WITH_NO[word];
  if (withNo) {
    const m = /^(?:langkah\s+)?(\d{1,4})$/i.exec(args);
    if (m) return { name: withNo, no: Number(m[1]) };
    if (slash) return { name: withNo, no: NaN };
    return null;
  }
  if (word === 'pindah' || word === 'pindahkan' || word === 'move') {
    const m = /^(\d{1,4})\s+(?:ke\s+)?(\d{1,4})$/i.exec(args);
    if (m) return { name: 'move', from: Number(m[1]), to: Number(m[2]) };
    if (slash) return { name: 'move', from: NaN, to: NaN };
    return null;
  }
  if (slash && word === 'sop') return parseSop(rest);
  if (slash && (word === 'nama' || word === 'rename' || word === 'namaproses'))
    return { name: 'rename', text: args || null };
  if (slash) return { name: 'unknown', text: `/${word}`.slice(0, 40) };
  return null;
}

/** "/sop", "/sop docx", "/sop f4", "/sop ubah", "/sop 03.01 docx": the words in any order. */
function parseSop(words: string[]): Command {
  const c: Extract<Command, { name: 'sop' }> = {
    name: 'sop',
    code: null,
    action: 'file',
    what: 'sop-pdf',
    paper: 'a4',
    bad: null,
  };
  for (const w of words.map((x) => x.toLowerCase()).filter(Boolean)) {
    if (w === 'docx' || w === 'word') c.what = 'sop-docx';
    else if (w === 'pdf' || w === 'a4') c.what = 'sop-pdf';
    else if (w === 'f4' || w === 'folio') c.paper = 'f4';
    else if (w === 'ubah' || w === 'edit') c.action = 'edit';
    else if (/^\d{1,3}(\.\d{1,3})*$/.test(w)) c.code = w;
    else c.bad ??= w.slice(0, 40);
  }
  return c;
}
