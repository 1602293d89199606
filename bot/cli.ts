// The probis command. `npm start` runs `probis start`; `npx probis --help` lists the rest.
import { parseArgs } from 'node:util';
import { bilingual as b } from '../core/language/bilingual.js';
import { ConfigError } from './config.js';
import { UserError } from './commands/exchange.js';

const HELP = `probis — Peta Proses Bisnis lewat percakapan / business process maps by chat

Pemakaian / usage:
  probis start                      Telegram bila TELEGRAM_BOT_TOKEN ada, WhatsApp bila nomornya
                                    tertaut (WHATSAPP_ENABLED), keduanya bila keduanya; selain itu
                                    obrolan di terminal / Telegram when TELEGRAM_BOT_TOKEN is set,
                                    WhatsApp when a number is linked, both side by side; else a
                                    terminal chat;
                                    juga menjalankan tugas latar / also runs the jobs (PROBIS_JOBS=off: not)
  probis worker                     hanya tugas latar (gambar peta, pembersihan) pada DATABASE_URL
                                    runs only the jobs (map renders, clean-ups): more processes, more machines
  probis chat [--jsonl] [--person ID] [--org ID]
                                    wawancara di terminal; --jsonl: satu objek JSON per baris
  probis org import FILE            impor unit dan pegawai dari CSV/YAML (lihat core/org-import/FORMAT.md)
  probis org show [--org ID]        tampilkan pohon unit, akun pegawai, siapa yang memblokir bot
                                    the unit tree, people's accounts, who blocked the bot
  probis export [--format json|bpmn|svg|png|sop-pdf|sop-docx|inventory-xlsx|annex-pdf|decree-docx]
                [--process KODE] [--org ID] [--paper a4|f4] [--out FILE|DIR]
                                    json: seluruh instansi (bawaan); bpmn, svg, png: peta proses KODE
                                    (tanpa --process: semua proses yang punya alur) ke --out DIR
                                    (bawaan data/exports): peta-KODE.bpmn, .svg, -1.png, -2.png ...;
                                    sop-pdf, sop-docx: SOP AP (sop-KODE.pdf/.docx; --paper f4: folio);
                                    inventory-xlsx: Daftar Proses Bisnis dan bukti pengesahan
                                    (daftar-proses-ORG.xlsx); annex-pdf, decree-docx: lampiran
                                    keputusan (PDF) dan rancangan keputusan (DOCX)
                                    json: the whole organisation (default); bpmn, svg, png: a process's
                                    map (every process with a flow without --process); sop-pdf,
                                    sop-docx: its SOP AP (PDF on A4 or F4, editable DOCX);
                                    inventory-xlsx: the process inventory with the ratification
                                    evidence; annex-pdf, decree-docx: the decree's annex and its draft
  probis sop --process KODE [--set NAMA=NILAI ...]
                                    rincian SOP proses (nomor, tanggal, pengesah, kualifikasi, ...),
                                    atau ubah: --set nomor=800/12/SOP/2027 --set efektif="2 Januari 2027"
                                    --set pengesah="Sekretaris Daerah; Drs. Budi; 19700101 199003 1 002"
                                    the SOP details of a process, printed or changed ("-" clears one)
  probis map --level0 [--process KODE] | --relation [--process KODE | --unit NAMA] [--out DIR]
                                    gambar PNG dan SVG ke --out DIR (bawaan data/maps): Peta Proses
                                    Level 0 (dengan --process: pohon di bawah KODE), atau Peta Relasi
                                    antarproses dari alur semua proses, satu proses, atau satu unit
                                    PNG pages and SVG: the Level-0 map (or the tree below KODE), or the
                                    relation map drawn from every process's flow, one process's, or
                                    one unit's processes'
  probis import FILE                impor berkas JSON hasil export
  probis invite --person ID [--org ID] [--days 7] [--whatsapp]
                                    tautan undangan Telegram (sekali pakai) untuk seorang pegawai;
                                    --whatsapp: tautan wa.me dengan kode undangan terketik
                                    a one-time invitation; --whatsapp: a wa.me link with the code
  probis whatsapp link [--pairing-code 6281234567890]
                                    tautkan nomor WhatsApp Probis: kode QR di terminal, atau kode
                                    penautan untuk nomor itu (angka dengan kode negara)
                                    link Probis's WhatsApp number: a QR code, or a pairing code
  probis whatsapp status            tertaut?, nomor, terakhir tersambung, proses yang memakainya
                                    linked?, the number, last connected, the process using it
  probis whatsapp unlink            keluarkan perangkat dan hapus kunci login / log out, delete login
  probis revoke TOKEN               cabut undangan
  probis replay FILE [--world FILE.json] [--person ID] [--out FILE.json]
                                    jalankan transkrip jawaban, cetak percakapan, ekspor hasilnya

Koordinasi / coordination (sama dengan perintah obrolan / the chat commands; --person ID: siapa
yang menjalankan, bawaan koordinator satu-satunya; gambar ke --out DIR, bawaan data/maps):
  probis campaign open --name N --units "A; B" --deadline 2027-01-31
                                    buka kampanye pemetaan (/kampanye) / open a mapping campaign
  probis progress                   tabel dan grafik kemajuan per unit (/progres) / progress per unit
  probis unit NAMA                  satu unit: proses, status, serah terima, peta (/unit)
  probis remind [--unit NAMA]       ingatkan sekarang, sekali sehari (/ingatkan); tanpa --unit dan
                                    tanpa --person: pengingat terjadwal yang jatuh tempo / due reminders
  probis ledger [--unit NAMA]       buku serah terima antarunit dan Peta Relasi (/relasi); Peta
                                    Relasi dari alur proses: probis map --relation (/relasi proses)
  probis level0 [--propose]         peta Level 0, atau usulan dari inventaris unit (/level0 usul)
  probis tree KODE                  pohon proses di bawah KODE (/pohon)
  probis queue                      proses yang menunggu pemeriksaan Anda (/periksa)
  probis approve KODE | validate KODE | return KODE --comment "..."
                                    setujui, validasi, kembalikan (/setujui /validasi /kembalikan)
  probis diff KODE                  perubahan sejak versi disetujui, dengan peta (/versi)
  probis disputes                   serah terima yang dibantah (/sengketa, diputuskan di obrolan)
  probis --help

Lingkungan / environment: DATABASE_URL (kosong: PGlite di PROBIS_DATA_DIR, bawaan ./data),
TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET, PORT, LOG_LEVEL,
PROBIS_JOBS (on|off), WHATSAPP_ENABLED (1|0; kosong: jalan bila tertaut / unset: on when linked),
WHATSAPP_SESSION (bawaan / default: default).`;

const DESK = new Set([
  'campaign',
  'progress',
  'unit',
  'remind',
  'ledger',
  'level0',
  'tree',
  'queue',
  'approve',
  'validate',
  'return',
  'diff',
  'disputes',
]);
const DESK_USAGE = b(
  'Perintah koordinasi tidak lengkap. Contoh: probis approve 01.02 --person budi; probis return 01.02 --comment "Langkah 3 kurang jelas"; probis campaign open --name "Pemetaan 2027" --units "Bagian Umum; Bagian Keuangan" --deadline 2027-01-31. Lihat probis --help',
  'incomplete coordination command; see probis --help',
);

type DeskValues = {
  name?: string | undefined;
  units?: string | undefined;
  deadline?: string | undefined;
  unit?: string | undefined;
  comment?: string | undefined;
  propose?: boolean | undefined;
  person?: string | undefined;
};

/**
 * The chat lines a coordination command sends, or null when it lacks an argument; undefined for
 * other commands. `scheduled`: the reminder job's run, not a person's command.
 */
function deskLines(
  cmd: string,
  arg: string | undefined,
  v: DeskValues,
): { lines: string[]; scheduled?: boolean } | null | undefined {
  if (!DESK.has(cmd)) return undefined;
  const code = (c: string) => (arg ? { lines: [`/${c} ${arg}`] } : null);
  switch (cmd) {
    case 'campaign':
      if (arg !== 'open' || !v.name || !v.units || !v.deadline) return null;
      return { lines: ['/kampanye', v.name, v.units, v.deadline, 'Nanti'] };
    case 'progress':
      return { lines: ['/progres'] };
    case 'unit':
      return arg ? { lines: [`/unit ${arg}`] } : null;
    case 'remind':
      if (!v.unit && !v.person) return { lines: [], scheduled: true };
      return { lines: [v.unit ? `/ingatkan ${v.unit}` : '/ingatkan'] };
    case 'ledger':
      return { lines: [v.unit ? `/relasi ${v.unit}` : '/relasi'] };
    case 'level0':
      return { lines: [v.propose ? '/level0 usul' : '/level0'] };
    case 'tree':
      return code('pohon');
    case 'queue':
      return { lines: ['/periksa'] };
    case 'approve':
      return code('setujui');
    case 'validate':
      return code('validasi');
    case 'return':
      return arg && v.comment ? { lines: [`/kembalikan ${arg} ${v.comment}`] } : null;
    case 'diff':
      return code('versi');
    case 'disputes':
      return { lines: ['/sengketa', 'Nanti saja'] };
  }
  return undefined;
}

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      jsonl: { type: 'boolean' },
      person: { type: 'string' },
      org: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      paper: { type: 'string' },
      world: { type: 'string' },
      days: { type: 'string', default: '7' },
      name: { type: 'string' },
      units: { type: 'string' },
      deadline: { type: 'string' },
      unit: { type: 'string' },
      comment: { type: 'string' },
      propose: { type: 'boolean' },
      process: { type: 'string' },
      level0: { type: 'boolean' },
      relation: { type: 'boolean' },
      set: { type: 'string', multiple: true },
      whatsapp: { type: 'boolean' },
      'pairing-code': { type: 'string' },
    },
  });
  const [cmd = 'start', sub, arg] = positionals;
  if (values.help || cmd === 'help') {
    out(HELP);
    return 0;
  }
  if (cmd === 'replay') {
    if (!sub) throw new UserError(b('Sebutkan berkas transkrip', 'name the transcript file.'));
    const { runReplay } = await import('./commands/replay.js');
    const r = await runReplay({
      file: sub,
      ...(values.world ? { world: values.world } : {}),
      ...(values.person ? { person: values.person } : {}),
    });
    out(r.conversation.join('\n\n'));
    if (r.document) {
      const { formatDocument } = await import('./commands/exchange.js');
      const { writeFile } = await import('node:fs/promises');
      if (values.out) await writeFile(values.out, formatDocument(r.document));
      else out(formatDocument(r.document));
    }
    return 0;
  }

  const desk = deskLines(cmd, sub, values);
  const known = [
    'start',
    'worker',
    'chat',
    'org',
    'export',
    'map',
    'import',
    'invite',
    'revoke',
    'sop',
    'whatsapp',
  ];
  if (desk === null && DESK.has(cmd)) throw new UserError(DESK_USAGE);
  if (desk) known.push(cmd);
  if (!known.includes(cmd))
    throw new UserError(
      `Perintah "${cmd}" tidak dikenal / unknown command. Lihat / see: probis --help`,
    );

  if (cmd === 'export') {
    // A wrong format is refused before the database is opened.
    const { parseExportFormat } = await import('./commands/export.js');
    parseExportFormat(values.format ?? 'json');
    const { parsePaper } = await import('./commands/export-sop.js');
    parsePaper(values.paper);
  }
  if (cmd === 'map') {
    const { checkMapChoice } = await import('./commands/map.js');
    checkMapChoice(values);
  }
  let pairingNumber: string | undefined;
  if (cmd === 'whatsapp') {
    // A wrong subcommand or number is refused before the database is opened.
    if (sub !== 'link' && sub !== 'status' && sub !== 'unlink')
      throw new UserError(
        b(
          'Pakai "probis whatsapp link", "probis whatsapp status" atau "probis whatsapp unlink"',
          'use whatsapp link, status or unlink.',
        ),
      );
    if (values['pairing-code'] !== undefined) {
      const { parsePairingNumber } = await import('./commands/whatsapp.js');
      pairingNumber = parsePairingNumber(values['pairing-code']);
    }
  }

  // A chat in this terminal shares the screen with the logs: only warnings, unless asked.
  // Linking WhatsApp shows a QR code: there too.
  const terminalChat =
    cmd === 'chat' ||
    (cmd === 'whatsapp' && sub === 'link') ||
    (cmd === 'start' && !process.env.TELEGRAM_BOT_TOKEN && process.env.WHATSAPP_ENABLED !== '1');
  const env =
    terminalChat && !process.env.LOG_LEVEL ? { ...process.env, LOG_LEVEL: 'warn' } : process.env;
  const { openApp } = await import('./app.js');
  const app = await openApp(env);
  try {
    const db = app.database.db;
    if (desk) {
      if (desk.scheduled) {
        const { sendDueReminders } = await import('./jobs/remind.js');
        const n = await sendDueReminders(
          { db, log: app.log, deliver: (p) => app.service.deliver(p) },
          new Date(),
        );
        out(`Pengingat terjadwal dikirim / due reminders sent: ${n}`);
        return 0;
      }
      const { runDesk } = await import('./commands/desk.js');
      await runDesk(
        app,
        { lines: desk.lines, person: values.person, org: values.org, outDir: values.out },
        process.stdout,
      );
      return 0;
    }
    switch (cmd) {
      case 'start': {
        const { runStart } = await import('./start.js');
        await runStart(app);
        return 0;
      }
      case 'worker': {
        const { runWorker } = await import('./jobs/worker.js');
        await runWorker(app);
        return 0;
      }
      case 'chat': {
        const { runTerminalChat } = await import('./terminal/terminal-chat.js');
        const { mapFilesIn } = await import('./terminal/map-files.js');
        await app.jobs.start({ work: app.config.jobs === 'on' });
        await runTerminalChat({
          db,
          service: app.service,
          log: app.log,
          input: process.stdin,
          output: process.stdout,
          mode: values.jsonl ? 'jsonl' : 'plain',
          personId: values.person ?? null,
          organisationId: values.org ?? null,
          maps: app.maps,
          mapFiles: mapFilesIn(app.config.dataDir),
        });
        return 0;
      }
      case 'org': {
        const { runOrgImport, runOrgShow } = await import('./commands/org.js');
        if (sub === 'import') {
          if (!arg)
            throw new UserError(b('Sebutkan berkasnya: probis org import FILE', 'name the file.'));
          return (await runOrgImport(db, arg, out)) ? 0 : 1;
        }
        if (sub === 'show') {
          await runOrgShow(db, values.org, out);
          return 0;
        }
        throw new UserError(
          b('Pakai "probis org import FILE" atau "probis org show"', 'use org import or org show.'),
        );
      }
      case 'export': {
        const { runExportCommand } = await import('./commands/export.js');
        const { join } = await import('node:path');
        await runExportCommand(
          db,
          app.renderer,
          {
            format: values.format ?? 'json',
            org: values.org,
            process: values.process,
            out: values.out,
            paper: values.paper,
            defaultDir: join(app.config.dataDir, 'exports'),
          },
          (s) => process.stdout.write(s),
        );
        return 0;
      }
      case 'sop': {
        const { runSop } = await import('./commands/sop.js');
        await runSop(
          db,
          { process: values.process, org: values.org, person: values.person, set: values.set },
          (s) => process.stdout.write(s),
        );
        return 0;
      }
      case 'map': {
        const { runMap } = await import('./commands/map.js');
        const { join } = await import('node:path');
        await runMap(
          db,
          app.renderer,
          {
            level0: values.level0,
            relation: values.relation,
            process: values.process,
            unit: values.unit,
            org: values.org,
            out: values.out,
            defaultDir: join(app.config.dataDir, 'maps'),
          },
          out,
        );
        return 0;
      }
      case 'invite': {
        if (!values.person)
          throw new UserError(
            b('Sebutkan orangnya: probis invite --person ID', 'name the person.'),
          );
        const { runInvite } = await import('./commands/invite.js');
        let botUsername: string | null = null;
        let whatsapp: { ownNumber: string | null } | undefined;
        if (values.whatsapp) {
          const { linkedWhatsAppNumber } = await import('../db/index.js');
          whatsapp = { ownNumber: await linkedWhatsAppNumber(db, app.config.whatsapp.session) };
        } else if (app.config.telegram) {
          const { Telegraf } = await import('telegraf');
          const api = app.config.telegram.apiRoot ? { apiRoot: app.config.telegram.apiRoot } : {};
          botUsername =
            (
              await new Telegraf(app.config.telegram.token, { telegram: api }).telegram
                .getMe()
                .catch(() => null)
            )?.username ?? null;
        }
        await runInvite(
          db,
          {
            person: values.person,
            ...(values.org ? { org: values.org } : {}),
            days: Number(values.days),
            botUsername,
            ...(whatsapp ? { whatsapp } : {}),
          },
          out,
        );
        return 0;
      }
      case 'whatsapp': {
        const wa = await import('./commands/whatsapp.js');
        const session = app.config.whatsapp.session;
        if (sub === 'status') {
          await wa.runWhatsAppStatus(db, session, out);
          return 0;
        }
        const { whatsappConnector } = await import('./whatsapp/connection.js');
        const connect = whatsappConnector(app.log);
        if (sub === 'unlink')
          return wa.runWhatsAppUnlink({ db, log: app.log, session, connect, write: out });
        return wa.runWhatsAppLink({
          db,
          log: app.log,
          session,
          connect,
          write: out,
          ...(pairingNumber ? { pairingNumber } : {}),
        });
      }
      case 'revoke': {
        if (!sub)
          throw new UserError(b('Sebutkan tokennya: probis revoke TOKEN', 'name the token.'));
        const { runRevoke } = await import('./commands/invite.js');
        return (await runRevoke(db, sub, out)) ? 0 : 1;
      }
      case 'import': {
        if (!sub)
          throw new UserError(b('Sebutkan berkasnya: probis import FILE', 'name the file.'));
        const { runImport } = await import('./commands/exchange.js');
        const r = await runImport(db, sub);
        out(`Diimpor / imported: ${r.processes} proses ke / into ${r.organisationId}.`);
        return 0;
      }
    }
    return 0;
  } finally {
    await app.close();
  }
}

/** Runs the command and exits with its code; expected failures print a message, not a trace. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (
        e instanceof UserError ||
        e instanceof ConfigError ||
        (e instanceof Error && e.name === 'DatabaseLockedError')
      ) {
        process.stderr.write(`${e.message}\n`);
        process.exit(2);
      }
      if (e instanceof Error && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        process.stderr.write(`${e.message}\nLihat / see: probis --help\n`);
        process.exit(2);
      }
      process.stderr.write(
        `Kesalahan tak terduga / unexpected error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`,
      );
      process.exit(1);
    },
  );
}

if (process.argv[1] && /bot[\\/]cli\.ts$/.test(process.argv[1])) run(process.argv.slice(2));
