// Reads a phrasing table of tests/fixtures/phrasings: tab-separated rows, "#" lines are comments.
import { readFileSync } from 'node:fs';

export function readTable(file: string): string[][] {
  const text = readFileSync(new URL(`../fixtures/phrasings/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}
