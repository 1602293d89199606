// The engine's messages as WhatsApp message contents: pure, tested as a table. WhatsApp buttons
// and lists are not dependable for a linked device (removed upstream), so choices are numbered
// lines: the person replies with the number (a letter where a bare number names a step) or the
// words, and the engine reads either (core/interview/answers/choice.ts). Texts are split at
// WhatsApp's limit on line and word boundaries; captions are kept under 1024 characters. A map
// goes out as its stored page pictures, with one PDF of them when there are several pages.
import type { AnyMessageContent } from '@whiskeysockets/baileys';
import type { Outbound } from '../../core/interview/index.js';
import { splitText } from '../../core/interview/index.js';
import { bilingual, textFor } from '../../core/language/bilingual.js';
import { invitationText, whatsappRedeem } from '../conversation/invitation-text.js';
import type { ChatFile } from '../delivery/file-sources.js';
import { fileUnavailable } from '../delivery/file-sources.js';
import type { MessageForm } from '../delivery/forms.js';
import type { MapPictures } from '../map-pictures.js';

/** WhatsApp shows at most this many characters of a message in one piece; longer is split. */
export const TEXT_MAX = 4096;
/** Captions longer than this are cut by some clients: kept within it. */
export const CAPTION_MAX = 1024;

const PICTURE_NOT_SENT = bilingual(
  'Gambar tidak dapat dikirim; berikut ringkasannya.',
  'The picture could not be sent; here is its summary.',
);
const REPLY_HOW = {
  numbers: bilingual(
    'Balas dengan nomornya atau tulis pilihannya.',
    'Reply with the number or write the choice.',
  ),
  letters: bilingual(
    'Balas dengan hurufnya atau tulis pilihannya.',
    'Reply with the letter or write the choice.',
  ),
};
const WHOLE_MAP = bilingual('Peta utuh (PDF)', 'the whole map (PDF)');

/**
 * Words of the interview written for a chat with buttons, as they read on WhatsApp, where the
 * choices are numbered lines. The interview's words are shared by every channel; only these few
 * speak of buttons.
 */
const FOR_NUMBERED_CHOICES: [string, string][] = [
  [
    'Tombol itu dari pertanyaan sebelumnya dan sudah tidak berlaku. Ini pertanyaan yang sedang berjalan:',
    'Jawaban itu tidak cocok dengan pilihan pertanyaan ini. Ini pertanyaan yang sedang berjalan:',
  ],
  [
    'That button belongs to an earlier question and no longer applies. This is the current question:',
    "That reply does not match this question's choices. This is the current question:",
  ],
  ['Pilih tombolnya atau tulis', 'Pilih nomornya atau tulis'],
  ['Pick a button or write', 'Pick a number or write'],
];

export function withoutButtons(text: string): string {
  let t = text;
  for (const [from, to] of FOR_NUMBERED_CHOICES) t = t.split(from).join(to);
  return t;
}

/** The mark of choice `i`: 1, 2, 3 ... or a, b, c ... where a bare number names a step. */
export function choiceMark(i: number, numbering: 'letters' | undefined): string {
  return numbering === 'letters' ? String.fromCharCode(97 + i) : String(i + 1);
}

/** A question as text: the question, its choices as numbered lines, and how to reply. */
export function questionText(q: Extract<Outbound, { kind: 'question' }>): string {
  const text = withoutButtons(q.text);
  if (!q.choices.length) return text;
  const lines = q.choices.map((c, i) => `${choiceMark(i, q.numbering)}. ${c.label}`);
  const how = textFor(REPLY_HOW[q.numbering ?? 'numbers'], 'both-inline');
  return `${text}\n\n${lines.join('\n')}\n\n_${how}_`;
}

/** A text split into WhatsApp messages, on line and word boundaries. */
export function textMessages(text: string): AnyMessageContent[] {
  return splitText(text, TEXT_MAX).map((t) => ({ text: t }));
}

/** The caption of page `index` (from 0) of `pages`: the page marked on its first line. */
export function pageCaption(caption: string, index: number, pages: number): string {
  if (pages <= 1) return caption.slice(0, CAPTION_MAX);
  const [title = '', ...rest] = caption.split('\n');
  return [`${title} (hal. ${index + 1}/${pages})`, ...rest].join('\n').slice(0, CAPTION_MAX);
}

/** A map or picture as text: its caption and outline (with `notSent`, saying why). */
export function mapAsText(
  m: Extract<Outbound, { kind: 'map' | 'picture' }>,
  o: { notSent?: boolean } = {},
): string {
  const note = o.notSent ? `${textFor(PICTURE_NOT_SENT, 'both-inline')}\n\n` : '';
  return `${m.caption}\n\n${note}${m.outline}`;
}

/** A file message whose file cannot be made or sent: its caption and why there is no file. */
export function fileAsText(m: Extract<Outbound, { kind: 'file' }>): string {
  return `${m.caption}\n\n${textFor(fileUnavailable(m.what), 'both-inline')}`;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  bpmn: 'application/xml',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** The MIME type of a file by its name's ending. */
export function mimetypeOf(fileName: string): string {
  const ending = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME[ending] ?? 'application/octet-stream';
}

/** What a map becomes: its pages as images (or as PNG documents), then the PDF of them all. */
export function mapMessages(
  m: Extract<Outbound, { kind: 'map' | 'picture' }>,
  pics: MapPictures | null,
  form: MessageForm,
  pdf: Uint8Array | null,
): AnyMessageContent[] {
  if (!pics || !pics.pages.length || form === 'text')
    return textMessages(mapAsText(m, { notSent: !!pics?.pages.length }));
  const n = pics.pages.length;
  const out: AnyMessageContent[] = pics.pages.map((png, i) => {
    const caption = pageCaption(m.caption, i, n);
    return form === 'files'
      ? {
          document: Buffer.from(png),
          mimetype: 'image/png',
          fileName: `peta-${safeName(pics.code)}-${i + 1}.png`,
          caption,
        }
      : { image: Buffer.from(png), caption, mimetype: 'image/png' };
  });
  if (n > 1 && pdf)
    out.push({
      document: Buffer.from(pdf),
      mimetype: 'application/pdf',
      fileName: `peta-${safeName(pics.code)}.pdf`,
      caption: textFor(WHOLE_MAP, 'both-inline'),
    });
  return out;
}

/** A file as a document under its own name and type; its caption and why not, without one. */
export function fileMessages(
  m: Extract<Outbound, { kind: 'file' }>,
  file: ChatFile | null,
  form: MessageForm,
): AnyMessageContent[] {
  if (!file || form === 'text') return textMessages(fileAsText(m));
  return [
    {
      document: Buffer.from(file.bytes),
      mimetype: mimetypeOf(file.name),
      fileName: file.name,
      caption: m.caption.slice(0, CAPTION_MAX),
    },
  ];
}

/**
 * A text, a question or an invitation as messages. `ownNumber`: Probis's own number (digits),
 * for the wa.me link of an invitation.
 */
export function textualMessages(
  m: Extract<Outbound, { kind: 'text' | 'question' | 'invitation' }>,
  ownNumber: string | null,
): AnyMessageContent[] {
  switch (m.kind) {
    case 'text':
      return textMessages(withoutButtons(m.text));
    case 'question':
      return textMessages(questionText(m));
    case 'invitation':
      return textMessages(invitationText(m, whatsappRedeem(m.token, ownNumber)));
  }
}

function safeName(code: string): string {
  return code.replace(/[^0-9A-Za-z.-]/g, '_');
}
