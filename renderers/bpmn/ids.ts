// BPMN ids must be XML NCNames; model ids may be any text. Every character outside
// [A-Za-z0-9-] is written as _xHHHH_ (UTF-16 code unit), so the mapping is reversible.
export function encodeId(prefix: string, id: string): string {
  let out = '';
  for (const ch of id) {
    if (/[A-Za-z0-9-]/.test(ch)) out += ch;
    else
      for (let i = 0; i < ch.length; i++)
        out += `_x${ch.charCodeAt(i).toString(16).padStart(4, '0')}_`;
  }
  return `${prefix}_${out}`;
}

export function decodeId(prefix: string, bpmnId: string): string | null {
  if (!bpmnId.startsWith(`${prefix}_`)) return null;
  return bpmnId
    .slice(prefix.length + 1)
    .replace(/_x([0-9a-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
