/**
 * Regenerate the CI suite's cassettes after a prompt, table or Markdown change:
 *   npx tsx test/eval/build-cassettes.ts [eval/suites/ci.yaml]
 * Reads the hand-written answers under fixtures/cassettes/eval/answers/ (see its README.md).
 */
import { resolve } from 'node:path';
import { buildCassettes } from './cassettes.ts';

const suite = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../eval/suites/ci.yaml'));
const n = await buildCassettes(suite);
console.log(`wrote ${n} cassettes for ${suite}`);
