// Access is one policy per identity kind, and exhaustive: a new kind of identity does not compile
// until it has a policy. Checked with the TypeScript compiler on two small programs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const written: string[] = [];
afterAll(() => {
  for (const f of written) fs.rmSync(f, { force: true });
});

/** Compiles `source` as a file beside this test; returns its diagnostics' codes and texts. */
function compile(name: string, source: string): { code: number; text: string }[] {
  const file = path.join(here, `.${name}.check.ts`);
  fs.writeFileSync(file, source);
  written.push(file);
  const configPath = path.join(here, '../../tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  )!;
  const program = ts.createProgram([file], { ...config.options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ({ code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
}

const header = `
import { type AccessPolicies, accessPolicies } from '../../bot/conversation/access.js';
import type { Identity } from '../../bot/conversation/context.js';
type WithSms = Identity | { kind: 'sms'; number: string };
`;

it('refuses to compile a new identity kind without its access policy', () => {
  const errors = compile(
    'missing-policy',
    `${header}
export const policies: AccessPolicies<WithSms> = { ...accessPolicies };
`,
  );
  expect(errors.map((e) => e.code)).toEqual([2741]);
  expect(errors[0]!.text).toContain("Property 'sms' is missing");
}, 60_000);

it('compiles once the new kind has its policy', () => {
  const errors = compile(
    'with-policy',
    `${header}
export const policies: AccessPolicies<WithSms> = {
  ...accessPolicies,
  sms: async () => ({
    allowed: false,
    reason: 'not-linked',
    reply: { id: 'Belum didukung.', en: 'Not supported yet.' },
  }),
};
`,
  );
  expect(errors).toEqual([]);
}, 60_000);
