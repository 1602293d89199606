// A clerk describing another unit's part often knows the unit but not the jabatan. The map keeps
// it open ("jabatan belum diketahui") for that unit to settle: a warning, never an invented
// position. Outside parties (Pemohon, another agency, a system) have no jabatan to ask for.
import { isExternalKind, unitById } from '../model/index.js';
import type { Performer } from '../model/index.js';
import { listNumbers } from './group.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'performer-position',
  level: 'warning',
  description:
    'Every performer in a unit of the organisation has a position (jabatan); outside parties need none.',
  check({ steps, org, unitLabel }, report) {
    const open = (p: Performer) => {
      if (p.position) return false;
      const unit = unitById(org, p.unitId);
      return unit !== undefined && !isExternalKind(unit.kind);
    };
    for (const { no, node } of steps) {
      const units = [
        ...new Set(
          [...(node.performer ? [node.performer] : []), ...node.coPerformers]
            .filter(open)
            .map((p) => unitLabel(p.unitId)),
        ),
      ];
      if (units.length === 0) continue;
      const who = { id: listNumbers(units, 'dan'), en: listNumbers(units, 'and') };
      report({
        nodeId: node.id,
        message: {
          id: `Jabatan pelaksana langkah ${no} belum diketahui: ${who.id} dapat melengkapinya.`,
          en: `The performer's position in step ${no} is not known yet: ${who.en} can fill it in.`,
        },
        together: {
          stepNo: no,
          message: {
            id: `Jabatan pelaksana langkah {n} belum diketahui: ${who.id} dapat melengkapinya.`,
            en: `The performers' positions in steps {n} are not known yet: ${who.en} can fill it in.`,
          },
        },
      });
    }
  },
};
