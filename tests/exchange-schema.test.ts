// docs/export.schema.json documents the exchange format; it is generated from the zod schema
// that import uses, and this test fails when the two drift. Regenerate with:
//   PROBIS_WRITE_SCHEMA=1 npx vitest run tests/exchange-schema.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ExchangeDocument } from '../core/model/index.js';

const FILE = new URL('../docs/export.schema.json', import.meta.url);

function generated(): string {
  const schema = z.toJSONSchema(ExchangeDocument, { io: 'input' });
  return (
    JSON.stringify(
      {
        $id: 'https://probis.local/schemas/exchange-1.json',
        title: 'Probis exchange document (probis.exchange/1)',
        ...schema,
      },
      null,
      2,
    ) + '\n'
  );
}

describe('the exchange format', () => {
  it('is documented by docs/export.schema.json, generated from the import schema', () => {
    if (process.env.PROBIS_WRITE_SCHEMA === '1') writeFileSync(FILE, generated());
    expect(readFileSync(FILE, 'utf8')).toBe(generated());
  });

  it('accepts the Renja example and names what is wrong in a broken one', () => {
    const doc = JSON.parse(
      readFileSync(new URL('./fixtures/renja-setda.json', import.meta.url), 'utf8'),
    );
    expect(ExchangeDocument.safeParse(doc).success).toBe(true);
    doc.processes[1].flow.nodes[1].kind = 'task';
    doc.processes[1].code = '3-1';
    const r = ExchangeDocument.safeParse(doc);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('processes.1.code');
    expect(paths).toContain('processes.1.flow.nodes.1.kind');
  });

  it('reads an export made before steps kept lists: output becomes outputs, ends are "selesai"', () => {
    const doc = JSON.parse(
      readFileSync(new URL('./fixtures/renja-setda.json', import.meta.url), 'utf8'),
    );
    const node = doc.processes[1].flow.nodes[1];
    expect(node.output).toBe('Disposisi');
    node.output = 'Surat izin, Tanda terima';
    const flow = ExchangeDocument.parse(doc).processes[1]!.flow!;
    const step = flow.nodes[1]!;
    expect('outputs' in step && step.outputs).toEqual(['Surat izin', 'Tanda terima']);
    expect('output' in step).toBe(false);
    expect(
      flow.nodes.filter((n) => n.kind === 'end').map((n) => 'outcome' in n && n.outcome),
    ).toEqual(['selesai']);
  });

  it('reads an export made before channel accounts: telegramId and whatsapp become accounts', () => {
    const doc = JSON.parse(
      readFileSync(new URL('./fixtures/renja-setda.json', import.meta.url), 'utf8'),
    );
    const [rina, budi] = doc.organisation.people;
    delete rina.accounts;
    delete budi.accounts;
    Object.assign(rina, { telegramId: '777', whatsapp: '6281200000001' });
    Object.assign(budi, { telegramId: null, whatsapp: null });
    const people = ExchangeDocument.parse(doc).organisation.people;
    expect(people.map((p) => p.accounts)).toEqual([
      [
        { platform: 'telegram', id: '777' },
        { platform: 'whatsapp', id: '6281200000001' },
      ],
      [],
    ]);
    expect(people[0]).not.toHaveProperty('telegramId');
  });
});
