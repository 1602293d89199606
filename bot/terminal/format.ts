// Outbound messages as plain lines for a terminal: choices numbered (or lettered where a bare
// number names a step), the map as its outline plus the file it was saved to, a file made for the
// chat (BPMN) as its caption and where it was written.
import type { Outbound } from '../../core/interview/index.js';
import { textFor } from '../../core/language/bilingual.js';
import { invitationText, terminalRedeem } from '../conversation/invitation-text.js';
import { fileUnavailable } from '../delivery/file-sources.js';

export function formatForTerminal(o: Outbound, file?: string): string {
  switch (o.kind) {
    case 'text':
      return o.text;
    case 'question': {
      const mark = (i: number) =>
        o.numbering === 'letters' ? String.fromCharCode(97 + i) : String(i + 1);
      const lines = [o.text, ...o.choices.map((c, i) => `  ${mark(i)}) ${c.label}`)];
      return lines.join('\n');
    }
    case 'map':
      return [o.caption, o.outline, ...(file ? [`(gambar peta: ${file})`] : [])].join('\n');
    case 'picture':
      return [o.caption, ...(file ? [`(gambar: ${file})`] : [`(${o.picture.what})`])].join('\n');
    case 'file':
      return [
        o.caption,
        file ? `(berkas / file: ${file})` : textFor(fileUnavailable(o.what), 'both-inline'),
      ].join('\n');
    case 'invitation':
      return invitationText(o, terminalRedeem(o.token));
  }
}
