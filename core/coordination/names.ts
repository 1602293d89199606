// Comparing names as people write them: case, accents and punctuation do not count
// ("Surat-Masuk" is "surat masuk"), words do.

/** Lower case, accents off, anything but letters and digits becomes one space. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct words of a name, folded. */
export function tokens(text: string): Set<string> {
  return new Set(fold(text).split(' ').filter(Boolean));
}

/** Shared words over all words of the two names (Jaccard): 1 for the same words, 0 for none shared. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
