import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPrivacyFile } from '../../src/run/index.ts';
import { tempDir } from './support.ts';

describe('readPrivacyFile', () => {
  it('reads anonymize, anonymize_fields and allow_fields', () => {
    const file = join(tempDir(), 'privacy.yaml');
    writeFileSync(file, 'anonymize: true\nanonymize_fields: [L7_PROTO]\nallow_fields: [IN_BYTES, dst_port]\n');
    expect(readPrivacyFile(file)).toEqual({ anonymize: true, fields: ['L7_PROTO'], allow: ['IN_BYTES', 'dst_port'] });
  });

  it('rejects an unknown key, naming it and the file', () => {
    const file = join(tempDir(), 'privacy.yaml');
    writeFileSync(file, 'allow: [IN_BYTES]\n');
    expect(() => readPrivacyFile(file)).toThrow(/Invalid privacy policy.*\(`allow` from .*privacy\.yaml\)/);
  });
});
