// What the desk shows: progress, a unit, the ledger, Level 0, a process tree, the review queue and
// what changed since the approved version. Read-only: nothing here changes a process.
import { interfaceLedger } from '../../coordination/ledger.js';
import { ledgerText } from '../../coordination/ledger-text.js';
import { level0Text, proposeLevel0 } from '../../coordination/level0-proposal.js';
import { progressRows, progressText } from '../../coordination/progress.js';
import { findUnitByName, unitDetailText } from '../../coordination/unit-detail.js';
import { diffVersions } from '../../coordination/version-diff.js';
import { isExternalKind, unitAncestry } from '../../model/organisation.js';
import type { Process } from '../../model/process.js';
import { mapOutline } from '../summary.js';
import type { Outbound } from '../types.js';
import type { View } from '../view.js';
import { type Seat, isBilingual, processByCode, refusal } from './access.js';
import { tappable } from './commands.js';
import type { Bilingual } from '../../language/bilingual.js';

export type Shown = { refuse: Bilingual } | { outbound: Outbound[] };

const text = (t: string): Outbound => ({ kind: 'text', text: t });

/** Units this person may see the progress of: all (null) for a coordinator, else their own. */
function visibleUnits(st: Seat): string[] | null {
  if (!refusal(st, { kind: 'see-organisation' })) return null;
  return st.org.units
    .filter((u) => !isExternalKind(u.kind))
    .filter((u) => !refusal(st, { kind: 'see-unit', unitId: u.id }))
    .map((u) => u.id);
}

export function showProgress(v: View, st: Seat): Shown {
  const campaign = st.desk.campaigns[0] ?? null;
  const units = visibleUnits(st);
  let rows = progressRows(st.desk, campaign, v.env.now);
  if (units) {
    // A unit head or clerk: their own unit(s), campaign or not.
    const all = progressRows(st.desk, null, v.env.now);
    rows = all.filter((r) => units.includes(r.unitId));
  }
  if (!rows.length)
    return {
      refuse: {
        id: 'Belum ada unit yang bisa ditampilkan. Koordinator membuka kampanye dengan /kampanye.',
        en: 'No unit to show yet. A coordinator opens a campaign with /kampanye.',
      },
    };
  const body = progressText(rows, units ? null : campaign, v.lang);
  return {
    outbound: [
      text(body),
      {
        kind: 'picture',
        picture: {
          what: 'progress',
          organisationId: st.org.id,
          campaignId: units ? null : (campaign?.id ?? null),
          unitIds: units,
        },
        outline: body,
        caption: v.t({ id: 'Grafik kemajuan per unit', en: 'Progress per unit' }),
      },
    ],
  };
}

/** The unit a command names, or why none. */
export function pickUnit(st: Seat, name: string | null, example: string): string | Bilingual {
  if (!name)
    return {
      id: `Sebutkan unitnya, misalnya: ${example}`,
      en: `Name the unit, e.g. ${example}`,
    };
  const found = findUnitByName(st.org, name);
  if (found.length === 1) return found[0]!.id;
  if (!found.length)
    return {
      id: `Unit "${name}" tidak ditemukan. Contoh: ${example}`,
      en: `No unit "${name}". Example: ${example}`,
    };
  const names = found
    .slice(0, 6)
    .map((u) => u.name)
    .join('; ');
  return {
    id: `Ada beberapa unit yang cocok: ${names}. Tulis lebih lengkap.`,
    en: `Several units match: ${names}. Write it in full.`,
  };
}

export function showUnit(v: View, st: Seat, name: string | null): Shown {
  const unitId = pickUnit(
    st,
    name ?? (visibleUnits(st) ? st.me.unitId : null),
    '/unit Bagian Umum',
  );
  if (typeof unitId !== 'string') return { refuse: unitId };
  const no = refusal(st, { kind: 'see-unit', unitId });
  if (no) return { refuse: no };
  const maps: Outbound[] = st.desk.processes
    .filter((p) => p.ownerUnitId === unitId && p.flow)
    .slice(0, 6)
    .map((p) => ({
      kind: 'map',
      processId: p.id,
      outline: mapOutline(p, v),
      caption: `${p.code} ${p.name}`.slice(0, 1000),
    }));
  return { outbound: [text(unitDetailText(st.desk, unitId, v.env.now, v.lang)), ...maps] };
}

export function showLedger(v: View, st: Seat, name: string | null): Shown {
  let unitId: string | null = null;
  if (name || refusal(st, { kind: 'see-organisation' })) {
    const u = pickUnit(st, name ?? st.me.unitId, '/relasi Bagian Umum');
    if (typeof u !== 'string') return { refuse: u };
    const no = refusal(st, { kind: 'see-unit', unitId: u });
    if (no) return { refuse: no };
    unitId = u;
  }
  const ledger = interfaceLedger(st.org, st.desk.processes);
  const body = ledgerText(ledger, st.org, v.lang, unitId ? { unitId } : {});
  return {
    outbound: [
      text(body),
      {
        kind: 'picture',
        picture: { what: 'ledger', organisationId: st.org.id, unitId },
        outline: body,
        caption: v.t({
          id: 'Peta Relasi: serah terima antarunit',
          en: 'Relation map: handoffs between units',
        }),
      },
    ],
  };
}

export function showLevel0(v: View, st: Seat, propose: boolean): Shown {
  const no = refusal(st, { kind: 'see-organisation' });
  if (no) return { refuse: no };
  if (propose) {
    const proposals = proposeLevel0(st.org, st.desk.processes);
    return { outbound: [text(level0Text(proposals, v.lang))] };
  }
  const top = st.desk.processes.filter((p) => p.parentId === null);
  if (!top.length)
    return {
      refuse: {
        id: 'Belum ada proses Level 0. Usulan dari inventaris unit: /level0 usul',
        en: "No Level-0 process yet. A proposal from the units' inventories: /level0 usul",
      },
    };
  const outline = top.map((p) => `${p.code} ${p.name} (${p.category})`).join('\n');
  return {
    outbound: [
      {
        kind: 'picture',
        picture: { what: 'level0', organisationId: st.org.id },
        outline,
        caption: v.t({
          id: `Peta Proses Level 0: ${st.org.name}`,
          en: `Level-0 map: ${st.org.name}`,
        }),
      },
    ],
  };
}

export function showTree(v: View, st: Seat, code: string | null): Shown {
  const no = refusal(st, { kind: 'see-organisation' });
  if (no) return { refuse: no };
  const p = processByCode(st, code);
  if (isBilingual(p)) return { refuse: p };
  const below = st.desk.processes.filter((x) => x.code.startsWith(`${p.code}.`));
  const outline = [p, ...below].map((x) => `${x.code} ${x.name}`).join('\n');
  return {
    outbound: [
      {
        kind: 'picture',
        picture: { what: 'tree', organisationId: st.org.id, processId: p.id },
        outline,
        caption: `${p.code} ${p.name}`.slice(0, 1000),
      },
    ],
  };
}

const STATUS_WORDS: Record<string, Bilingual> = {
  submitted: { id: 'menunggu persetujuan kepala unit', en: "awaiting the unit head's approval" },
  approved: { id: 'menunggu validasi koordinator', en: "awaiting the coordinator's validation" },
};

/** Processes waiting for this person: submitted ones of the units they head; approved ones for a coordinator. */
export function showQueue(v: View, st: Seat): Shown {
  const coordinator = !refusal(st, { kind: 'validate' });
  const waiting = st.desk.processes.filter((p) => {
    if (!p.ownerUnitId) return false;
    if (p.status === 'approved') return coordinator;
    if (p.status === 'submitted')
      return (
        !refusal(st, { kind: 'approve', unitId: p.ownerUnitId }) &&
        (coordinator ? headless(st, p) || isHeadOf(st, p) : true)
      );
    return false;
  });
  if (!waiting.length)
    return {
      outbound: [
        text(
          v.t({
            id: 'Tidak ada proses yang menunggu pemeriksaan Anda.',
            en: 'No process is waiting for your review.',
          }),
        ),
      ],
    };
  const lines = waiting.map((p) => {
    const act =
      p.status === 'approved'
        ? `${tappable('validasi', p.code)}  ${tappable('kembalikan', p.code)}`
        : `${tappable('setujui', p.code)}  ${tappable('kembalikan', p.code)}`;
    return `${p.code} ${p.name} — ${v.t(STATUS_WORDS[p.status]!)}\n   ${act}  ${tappable('versi', p.code)}`;
  });
  const head = v.t({
    id: `Menunggu pemeriksaan Anda (${waiting.length}):`,
    en: `Waiting for your review (${waiting.length}):`,
  });
  return { outbound: [text([head, ...lines].join('\n'))] };
}

function isHeadOf(st: Seat, p: Process): boolean {
  return (
    st.me.roles.includes('unit_head') &&
    unitAncestry(st.org, p.ownerUnitId!).some((u) => u.id === st.me.unitId)
  );
}

/** A submitted process of a unit that has no head in Probis: the coordinator approves it. */
function headless(st: Seat, p: Process): boolean {
  const above = new Set(unitAncestry(st.org, p.ownerUnitId!).map((u) => u.id));
  return !st.org.people.some((x) => x.roles.includes('unit_head') && above.has(x.unitId));
}

const BASE_WORDS = {
  approved: 'disetujui',
  validated: 'tervalidasi',
  submitted: 'dikirim',
} as const;

export function showDiff(v: View, st: Seat, code: string | null): Shown {
  const p = processByCode(st, code);
  if (isBilingual(p)) return { refuse: p };
  const no = refusal(st, { kind: 'see-unit', unitId: p.ownerUnitId ?? st.me.unitId });
  if (no) return { refuse: no };
  const base = st.desk.baseline?.processId === p.id ? st.desk.baseline : null;
  if (!base)
    return {
      refuse: {
        id: `Proses ${p.code} belum punya versi sebelumnya yang dikirim atau disetujui untuk dibandingkan.`,
        en: `Process ${p.code} has no earlier submitted or approved version to compare with yet.`,
      },
    };
  const d = diffVersions(base.process, p, st.org);
  const head = v.t({
    id: `Perubahan ${p.code} ${p.name} (versi ${p.version}) sejak versi ${base.version} (${BASE_WORDS[base.kind]}):`,
    en: `Changes to ${p.code} ${p.name} (version ${p.version}) since version ${base.version} (${base.kind}):`,
  });
  const lines = d.changes.length
    ? d.changes.map((c) => `• ${v.t(c)}`)
    : [v.t({ id: 'Tidak ada perubahan.', en: 'No changes.' })];
  const body = [head, ...lines].join('\n');
  return {
    outbound: [
      text(body),
      ...(p.flow
        ? [
            {
              kind: 'picture' as const,
              picture: { what: 'changes' as const, processId: p.id, sinceVersion: base.version },
              outline: body,
              caption: v
                .t({
                  id: `${p.code} ${p.name}: langkah yang berubah ditandai`,
                  en: `${p.code} ${p.name}: changed steps marked`,
                })
                .slice(0, 1000),
            },
          ]
        : []),
    ],
  };
}
