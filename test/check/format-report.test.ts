import { describe, expect, it } from 'vitest';
import { formatReport } from './accuracy.ts';
import type { LabelledCase } from './load-cases.ts';

// a case whose table was refused: its must-flag span is missed whatever the checker does, so the
// full report always has a detail line to leave out
const refused: LabelledCase = {
  id: 'refused-case',
  file: 'x.yaml',
  style: 'llm',
  material: 'some material',
  narrative: 'The flow carried 99 bytes to port 53.',
  refused: 'TableError: no rows',
  mustFlag: ['99 bytes'],
  mustNotFlag: ['port 53'],
};

describe('formatReport', () => {
  it('lists refused cases and missed spans by default', () => {
    const text = formatReport('a set', [refused], []);
    expect(text).toContain('  refused  [refused-case]');
    expect(text).toContain('  missed   [refused-case] "99 bytes"');
  });

  it('prints only the summary rows for a blind set', () => {
    const full = formatReport('a set', [refused], []).split('\n');
    const summary = formatReport('a set', [refused], [], true).split('\n');
    expect(summary).toEqual(full.slice(0, summary.length));
    expect(summary.at(-1)).toMatch(/^\| \*\*all\*\* \| 1 \| 1 \|/);
    expect(summary.join('\n')).not.toContain('99 bytes');
    expect(summary.join('\n')).not.toContain('refused-case');
  });
});
