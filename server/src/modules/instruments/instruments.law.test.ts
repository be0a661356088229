// Every 薛城区 passage a template cites is quoted verbatim from the seed text (whitespace aside,
// as the seed's line breaks fall inside sentences), so a requirement cannot cite what the
// document does not say.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITES } from './instruments.law.ts';

const squeeze = (text: string) => text.replace(/\s+/g, '');
const seedText = (file: string) =>
  squeeze(fs.readFileSync(new URL(`../profile/sources/${file}`, import.meta.url), 'utf8'));

describe('cited law', () => {
  it.each(Object.entries(CITES))('%s quotes its seed verbatim', (_name, citation) => {
    if (citation.type !== 'seed') return;
    expect(seedText(citation.seedFile)).toContain(squeeze(citation.quote));
  });

  it('a changed quote is not found', () => {
    expect(
      seedText(CITES.xcServiceReceipt.type === 'seed' ? CITES.xcServiceReceipt.seedFile : ''),
    ).not.toContain(squeeze('由送达人在送达回证上盖章即可'));
  });
});
