// The unit tree as text, with people under their unit, for `probis org show`.
import { isExternalKind } from '../model/index.js';
import type { Organisation, Person, Unit } from '../model/index.js';

export function formatOrganisationTree(org: Organisation): string {
  const lines: string[] = [
    `${org.name} (${org.id})${org.codePrefix ? ` — kode ${org.codePrefix}` : ''}`,
  ];
  const ids = new Set(org.units.map((u) => u.id));
  const children = (parentId: string | null) => org.units.filter((u) => u.parentId === parentId);
  const peopleOf = (unitId: string) => org.people.filter((p) => p.unitId === unitId);
  const printed = new Set<string>();

  const personLine = (p: Person): string => {
    const contact = [
      ...p.accounts.map((a) => `${a.platform === 'whatsapp' ? 'wa' : a.platform} ${a.id}`),
      p.language !== 'id' ? `bahasa ${p.language}` : null,
    ]
      .filter((x) => x !== null)
      .join(', ');
    const roles = p.roles.filter((r) => r !== 'respondent');
    return `• ${p.name} — ${p.position}${roles.length ? ` [${roles.join(', ')}]` : ''}${contact ? ` (${contact})` : ''}`;
  };

  const walk = (unit: Unit, prefix: string, last: boolean) => {
    printed.add(unit.id);
    lines.push(`${prefix}${last ? '└─ ' : '├─ '}${unit.name} [${unit.kind}] (${unit.id})`);
    const inner = prefix + (last ? '   ' : '│  ');
    const kids = children(unit.id).filter((k) => !printed.has(k.id));
    const people = peopleOf(unit.id);
    people.forEach((p) => lines.push(`${inner}${kids.length ? '│  ' : '   '}${personLine(p)}`));
    kids.forEach((k, i) => walk(k, inner, i === kids.length - 1));
  };

  const section = (title: string | null, roots: Unit[]) => {
    if (roots.length === 0) return;
    if (title) lines.push(title);
    for (const [i, u] of roots.entries()) {
      if (printed.has(u.id)) continue;
      const rest = roots.slice(i + 1).filter((r) => !printed.has(r.id));
      walk(u, '', rest.length === 0);
    }
  };

  const roots = children(null).concat(
    org.units.filter((u) => u.parentId !== null && !ids.has(u.parentId)),
  );
  section(
    null,
    roots.filter((u) => !isExternalKind(u.kind)),
  );
  section(
    'Pihak luar:',
    roots.filter((u) => isExternalKind(u.kind)),
  );
  // Units on a parent cycle are reachable from no root; show them rather than drop them.
  section(
    'Unit dengan induk melingkar:',
    org.units.filter((u) => !printed.has(u.id)),
  );
  const orphans = org.people.filter((p) => !ids.has(p.unitId));
  if (orphans.length) {
    lines.push('Orang tanpa unit yang dikenal:');
    orphans.forEach((p) => lines.push(`   ${personLine(p)} (unit ${p.unitId})`));
  }
  return lines.join('\n');
}
