// The coordinator's pictures, drawn from what is stored when they are sent: what each one is
// drawn from, the content key it is stored under (the same data gives the same key, so a picture
// asked by many is drawn once), and how it is drawn. Channels never draw: a job does (render-picture).
import { interfaceLedger } from '../../core/coordination/ledger.js';
import { progressRows } from '../../core/coordination/progress.js';
import { diffVersions } from '../../core/coordination/version-diff.js';
import type { PictureRequest } from '../../core/interview/index.js';
import { shortDate } from '../../core/coordination/calendar.js';
import { type Db, loadDesk, processOrganisation } from '../../db/index.js';
import type { PictureResult, Renderer } from '../../renderers/index.js';
import { renderKey } from '../../renderers/cache.js';
import { loadBaseline } from '../conversation/desk.js';

export type PictureSource = {
  /** The content key the picture's parts (SVG, then PNG pages) are stored under. */
  key: string;
  /** A file name without extension: "progres-setda", "relasi-setda". */
  fileName: string;
  render(renderer: Renderer): Promise<PictureResult>;
};

/** What a picture is drawn from, or null when there is nothing to draw (no such process). */
export async function loadPictureSource(
  db: Db,
  req: PictureRequest,
): Promise<PictureSource | null> {
  const orgId =
    'organisationId' in req ? req.organisationId : await orgOfProcess(db, req.processId);
  if (!orgId) return null;
  const desk = await loadDesk(db, orgId);
  if (!desk) return null;
  const org = desk.organisation;
  switch (req.what) {
    case 'progress': {
      const campaign = desk.campaigns.find((c) => c.id === req.campaignId) ?? null;
      let rows = progressRows(desk, campaign, new Date().toISOString());
      if (req.unitIds) {
        const only = new Set(req.unitIds);
        rows = progressRows(desk, null, new Date().toISOString()).filter((r) => only.has(r.unitId));
      }
      const title = campaign
        ? `${campaign.name} · tenggat ${shortDate(campaign.deadline, 'id')}`
        : `Kemajuan pemetaan · ${org.name}`;
      // Days to the deadline and activity change daily; the picture shows counts only.
      const drawn = rows.map(({ lastActivityAt: _a, daysToDeadline: _d, ...r }) => r);
      return {
        key: renderKey('picture:progress', { title, drawn }),
        fileName: `progres-${org.id}`,
        render: (r) => r.progressChartPng(rows, { title, lang: 'id' }),
      };
    }
    case 'ledger': {
      const ledger = interfaceLedger(org, desk.processes);
      const unitId = req.unitId;
      return {
        key: renderKey('picture:ledger', { ledger, units: org.units, unitId }),
        fileName: `relasi-${org.id}`,
        render: (r) => r.ledgerPng(ledger, org, unitId ? { unitId } : {}),
      };
    }
    case 'relation': {
      const one = req.processId;
      const drawn = one
        ? desk.processes.filter((p) => p.id === one && p.flow)
        : desk.processes.filter((p) => p.flow);
      if (!drawn.length) return null;
      // One process: its own title and labels without codes; many: codes on every label.
      const input = one ? drawn[0]! : drawn;
      const ps = drawn.map((p) => [
        p.code,
        p.name,
        p.ownerUnitId,
        p.flow,
        p.sipoc,
        p.handoffConfirmations.map((c) => [c.key, c.state, c.fromUnitId, c.toUnitId]),
      ]);
      return {
        key: renderKey('picture:relation', {
          org: org.name,
          units: org.units.map((u) => [u.id, u.name, u.kind]),
          one: !!one,
          ps,
        }),
        fileName: one ? `relasi-${drawn[0]!.code}` : `relasi-proses-${org.id}`,
        render: (r) => r.relationPng(input, org),
      };
    }
    case 'level0':
    case 'tree': {
      const treeOf = req.what === 'tree' ? req.processId : undefined;
      const ps = desk.processes.map((p) => [
        p.id,
        p.code,
        p.name,
        p.category,
        p.parentId,
        p.flow !== null,
      ]);
      return {
        key: renderKey('picture:level0', { org: [org.name, org.codePrefix], ps, treeOf }),
        fileName: `${req.what}-${org.id}`,
        render: (r) => r.level0Png(desk.processes, org, treeOf ? { treeOf } : {}),
      };
    }
    case 'changes': {
      const process = desk.processes.find((p) => p.id === req.processId);
      const base = process ? await loadBaseline(db, process.id, process.version) : null;
      if (!process?.flow) return null;
      const changed = base ? diffVersions(base.process, process, org).changedNodeIds : [];
      const o = { changed, changedSince: req.sinceVersion };
      return {
        key: renderKey('picture:changes', {
          id: process.id,
          v: process.version,
          o,
          c: process.handoffConfirmations,
        }),
        fileName: `peta-${process.code}-perubahan`,
        render: (r) => r.crossFunctionalPng(process, org, o),
      };
    }
  }
}

function orgOfProcess(db: Db, processId: string): Promise<string | null> {
  return processOrganisation(db, { processId });
}
