/**
 * Re-record the contract cassettes (fixtures/cassettes/contract) after a deliberate prompt change:
 *   npx tsx test/llm/record-cassettes.ts
 * They are recorded from the offline narrator, so recording needs no network.
 */
import { createProvider } from '../../src/llm/index.ts';
import { CONTRACT_CASSETTES, seedRequest } from './support.ts';

const recorder = createProvider({ provider: 'offline', record: true, cassetteDir: CONTRACT_CASSETTES });
for (const mode of ['narrative', 'structured'] as const) await recorder.narrate(await seedRequest(mode));
console.log(`recorded 2 cassettes in ${CONTRACT_CASSETTES}`);
