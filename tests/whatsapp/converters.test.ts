// The WhatsApp converters as tables: messages in (built with Baileys' proto), contents out.
import { describe, expect, it } from 'vitest';
import { WAMessageStubType, proto } from '@whiskeysockets/baileys';
import { fromWhatsAppMessage, fromWhatsAppUpdate } from '../../bot/whatsapp/inbound.js';
import { choiceReply, invitationIn } from '../../bot/whatsapp/channel.js';
import {
  fileMessages,
  mapMessages,
  mimetypeOf,
  questionText,
  textualMessages,
} from '../../bot/whatsapp/outbound.js';
import { classifyError } from '../../bot/whatsapp/sender.js';
import { waMessage } from '../support/fake-whatsapp.js';

const PN = '6281234567890@s.whatsapp.net';
const LID = '123456789012345@lid';
const T = proto.Message.ProtocolMessage.Type;

describe('WhatsApp messages in', () => {
  const cases: [string, Parameters<typeof waMessage>[0], 'notify' | 'append', object][] = [
    [
      'plain text',
      { from: PN, message: { conversation: 'halo' } },
      'notify',
      { kind: 'text', text: 'halo', sender: { accountId: '6281234567890', alt: null } },
    ],
    [
      'extended text',
      { from: PN, message: { extendedTextMessage: { text: 'halo' } } },
      'notify',
      { kind: 'text', text: 'halo' },
    ],
    [
      'ephemeral',
      { from: PN, message: { ephemeralMessage: { message: { conversation: 'a' } } } },
      'notify',
      { kind: 'text', text: 'a' },
    ],
    [
      'view once v1',
      { from: PN, message: { viewOnceMessage: { message: { conversation: 'b' } } } },
      'notify',
      { kind: 'text', text: 'b' },
    ],
    [
      'view once v2',
      { from: PN, message: { viewOnceMessageV2: { message: { imageMessage: { caption: 'c' } } } } },
      'notify',
      { kind: 'media', what: 'image' },
    ],
    [
      'view once v2 extension',
      {
        from: PN,
        message: { viewOnceMessageV2Extension: { message: { audioMessage: { ptt: true } } } },
      },
      'notify',
      { kind: 'media', what: 'voice' },
    ],
    [
      'document with caption',
      {
        from: PN,
        message: { documentWithCaptionMessage: { message: { documentMessage: { caption: 'd' } } } },
      },
      'notify',
      { kind: 'media', what: 'document' },
    ],
    [
      'sticker',
      { from: PN, message: { stickerMessage: {} } },
      'notify',
      { kind: 'media', what: 'sticker' },
    ],
    [
      'location',
      { from: PN, message: { locationMessage: { degreesLatitude: 1 } } },
      'notify',
      { kind: 'media', what: 'location' },
    ],
    [
      'contact',
      { from: PN, message: { contactMessage: { displayName: 'x' } } },
      'notify',
      { kind: 'media', what: 'contact' },
    ],
    [
      'video',
      { from: PN, message: { videoMessage: {} } },
      'notify',
      { kind: 'media', what: 'video' },
    ],
    [
      'LID sender, phone given',
      { from: LID, remoteJidAlt: PN, message: { conversation: 'x' } },
      'notify',
      { kind: 'text', sender: { accountId: LID, alt: '6281234567890' } },
    ],
    [
      'LID sender alone',
      { from: LID, message: { conversation: 'x' } },
      'notify',
      { kind: 'text', sender: { accountId: LID, alt: null } },
    ],
    [
      'own message',
      { from: PN, fromMe: true, message: { conversation: 'x' } },
      'notify',
      { kind: 'ignore', reason: 'own-message' },
    ],
    [
      'group',
      { from: '1203@g.us', participant: PN, message: { conversation: 'x' } },
      'notify',
      { kind: 'group', sender: { accountId: '6281234567890', alt: null } },
    ],
    [
      'status',
      { from: 'status@broadcast', participant: PN, message: { conversation: 'x' } },
      'notify',
      { kind: 'ignore', reason: 'status' },
    ],
    [
      'sent while Probis was offline (append, this week): answered',
      { from: PN, message: { conversation: 'x' }, at: Math.floor(Date.now() / 1000) - 3600 },
      'append',
      { kind: 'text', text: 'x', sender: { accountId: '6281234567890', alt: null } },
    ],
    [
      'history (append, older than a week)',
      { from: PN, message: { conversation: 'x' }, at: Math.floor(Date.now() / 1000) - 8 * 86400 },
      'append',
      { kind: 'ignore', reason: 'history' },
    ],
    [
      "Probis's own send echoed back (append, from itself)",
      { from: PN, fromMe: true, message: { conversation: 'x' } },
      'append',
      { kind: 'ignore', reason: 'own-message' },
    ],
    [
      'phone-number sender, LID given',
      { from: PN, remoteJidAlt: LID, message: { conversation: 'x' } },
      'notify',
      { kind: 'text', sender: { accountId: '6281234567890', alt: LID } },
    ],
    [
      'reaction',
      { from: PN, message: { reactionMessage: { text: '👍', key: { id: 'A' } } } },
      'notify',
      { kind: 'ignore', reason: 'reaction' },
    ],
    [
      'revoke',
      { from: PN, message: { protocolMessage: { type: T.REVOKE, key: { id: 'A' } } } },
      'notify',
      { kind: 'revoked', messageId: 'A', updateKey: 'revoked:6281234567890/A' },
    ],
    [
      'edit',
      {
        from: PN,
        message: {
          editedMessage: {
            message: {
              protocolMessage: {
                type: T.MESSAGE_EDIT,
                key: { id: 'A' },
                editedMessage: { conversation: 'y' },
              },
            },
          },
        },
      },
      'notify',
      { kind: 'edited', messageId: 'A', updateKey: 'edited:6281234567890/A' },
    ],
    [
      'other protocol message',
      { from: PN, message: { protocolMessage: { type: T.EPHEMERAL_SETTING } } },
      'notify',
      { kind: 'ignore', reason: 'protocol' },
    ],
    [
      'undecryptable',
      { from: PN, stub: WAMessageStubType.CIPHERTEXT },
      'notify',
      { kind: 'undecryptable' },
    ],
  ];
  it.each(cases)('%s', (_, o, type, expected) => {
    expect(fromWhatsAppMessage(waMessage(o), type)).toMatchObject(expected);
  });

  it('keys a message by its chat and id, so a message received twice is one', () => {
    const m = waMessage({ from: PN, id: 'ABC', message: { conversation: 'x' } });
    expect(fromWhatsAppMessage(m, 'notify').updateKey).toBe('6281234567890/ABC');
  });

  it('keys a message by its sender however addressed: by LID, or by number with the LID given', () => {
    const byLid = waMessage({
      from: LID,
      remoteJidAlt: PN,
      id: 'ABC',
      message: { conversation: 'x' },
    });
    const byPn = waMessage({
      from: PN,
      remoteJidAlt: LID,
      id: 'ABC',
      message: { conversation: 'x' },
    });
    expect(fromWhatsAppMessage(byLid, 'notify').updateKey).toBe(`${LID}/ABC`);
    expect(fromWhatsAppMessage(byPn, 'notify').updateKey).toBe(`${LID}/ABC`);
  });

  it('reads deletions and edits Baileys reports as updates, with the keys of the upsert', () => {
    const key = { remoteJid: PN, fromMe: false, id: 'A' };
    expect(
      fromWhatsAppUpdate({
        key,
        update: { message: null, messageStubType: WAMessageStubType.REVOKE },
      }),
    ).toMatchObject({ kind: 'revoked', updateKey: 'revoked:6281234567890/A' });
    expect(
      fromWhatsAppUpdate({
        key,
        update: { message: { editedMessage: { message: { conversation: 'y' } } } },
      }),
    ).toMatchObject({ kind: 'edited', updateKey: 'edited:6281234567890/A' });
    expect(fromWhatsAppUpdate({ key, update: { status: 3 } })).toBeNull();
  });

  it.each([
    ['kode abcdefghijklmnopqrstuvwxyz012345', false, 'abcdefghijklmnopqrstuvwxyz012345'],
    ['Kode undangan: ABC123', false, 'ABC123'],
    ['/start ABC123', false, 'ABC123'],
    ['abcdefghijklmnopqrstuvwxyz012345', false, 'abcdefghijklmnopqrstuvwxyz012345'],
    // A bare word is a code only in the shape of one (32 characters): not any long word.
    ['Pemberitahuanpengajuan', false, null],
    ['abcdefghijklmnopqrstuvwxyz0123456', false, null],
    ['halo', false, null],
    ['kode 03.01', true, null],
    ['abcdefghijklmnopqrstuvwxyz012345', true, null],
  ] as const)('invitation in %j (linked: %s)', (text, linked, token) => {
    expect(invitationIn(text, linked)?.token ?? null).toBe(token);
  });

  it('a bare number answers the last question sent, at its revision', () => {
    const q = { rev: 7, choices: 2, numbering: 'numbers' as const };
    expect(choiceReply('2', q)).toEqual({ kind: 'button', rev: 7, index: 1 });
    expect(choiceReply('3', q)).toBeNull();
    expect(choiceReply('Ya', q)).toBeNull();
    expect(choiceReply('b', { ...q, numbering: 'letters' })).toEqual({
      kind: 'button',
      rev: 7,
      index: 1,
    });
    expect(choiceReply('2', { ...q, numbering: 'letters' })).toBeNull();
    expect(choiceReply('1', null)).toBeNull();
  });
});

describe('WhatsApp messages out', () => {
  const question = {
    kind: 'question' as const,
    questionId: 'menu',
    rev: 1,
    text: 'Pilih:',
    choices: [
      { id: 'a', label: 'Ya' },
      { id: 'b', label: 'Tidak' },
    ],
    optional: false,
  };

  it('choices as numbered lines, or lettered where numbers name steps', () => {
    expect(questionText(question)).toMatch(
      /^Pilih:\n\n1\. Ya\n2\. Tidak\n\n_Balas dengan nomornya/,
    );
    expect(questionText({ ...question, numbering: 'letters' })).toContain('a. Ya\nb. Tidak');
  });

  it('long texts split at 4096 on line boundaries; button wording made right', () => {
    const long = Array.from({ length: 300 }, (_, i) => `baris ${i} ${'x'.repeat(20)}`).join('\n');
    const parts = textualMessages({ kind: 'text', text: long }, null) as { text: string }[];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.text.length <= 4096)).toBe(true);
    expect(parts.map((p) => p.text).join('\n')).toBe(long);
    const [said] = textualMessages(
      { kind: 'text', text: 'Pilih tombolnya atau tulis nama unit.' },
      null,
    ) as { text: string }[];
    expect(said!.text).toBe('Pilih nomornya atau tulis nama unit.');
  });

  it('an invitation as a wa.me link that types "kode <code>"', () => {
    const [m] = textualMessages(
      {
        kind: 'invitation',
        personName: 'Budi',
        position: 'Analis',
        token: 'T0K3N',
        expiresAt: '2027-01-01T00:00:00Z',
      },
      '6281100000001',
    ) as { text: string }[];
    expect(m!.text).toContain('https://wa.me/6281100000001?text=kode%20T0K3N');
  });

  it('a map as page images with captions under 1024, one PDF for several pages, or its outline', () => {
    const map = {
      kind: 'map' as const,
      processId: 'p',
      outline: '1. A',
      caption: `Draf peta\n${'k'.repeat(2000)}`,
    };
    const pics = {
      code: '03.01',
      name: 'Renja',
      pages: [new Uint8Array([137, 80]), new Uint8Array([137, 80])],
      svg: '',
    };
    const out = mapMessages(map, pics, 'photos', new Uint8Array([37, 80, 68, 70])) as Record<
      string,
      unknown
    >[];
    expect(
      out.map((c) => ('image' in c ? 'image' : 'document' in c ? c.mimetype : 'text')),
    ).toEqual(['image', 'image', 'application/pdf']);
    expect((out[0]!.caption as string).startsWith('Draf peta (hal. 1/2)')).toBe(true);
    expect(out.every((c) => ((c.caption as string) ?? '').length <= 1024)).toBe(true);
    expect(mapMessages(map, null, 'photos', null)).toEqual([{ text: `${map.caption}\n\n1. A` }]);
  });

  it('files as documents with their type and name', () => {
    const m = { kind: 'file' as const, what: 'sop-docx' as const, processId: 'p', caption: 'SOP' };
    const [doc] = fileMessages(
      m,
      { name: 'sop-03.01.docx', bytes: new Uint8Array([1]) },
      'files',
    ) as Record<string, unknown>[];
    expect(doc).toMatchObject({
      fileName: 'sop-03.01.docx',
      mimetype: mimetypeOf('x.docx'),
      caption: 'SOP',
    });
    expect(mimetypeOf('peta.bpmn')).toBe('application/xml');
    expect(mimetypeOf('daftar.xlsx')).toContain('spreadsheetml');
  });

  it('send failures: a closed connection retried, a refused media another form, rate limits waited', () => {
    const boom = (statusCode: number, message = 'x') => ({
      isBoom: true,
      output: { statusCode },
      message,
    });
    expect(classifyError(boom(428, 'Connection Closed'), 1)).toMatchObject({
      ok: false,
      retryAfterMs: 1000,
    });
    expect(classifyError(boom(400, 'media upload failed'), 1)).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(classifyError(boom(429), 1)).toMatchObject({ rateLimited: true });
    expect(classifyError(new Error('socket hang up'), 3)).toMatchObject({ retryAfterMs: 4000 });
  });
});
