/**
 * Build the eval cassettes (fixtures/cassettes/eval) from hand-written answers, keyed exactly as
 * the replay provider looks them up: E's requestKey over the prompt rendered for each table,
 * prompt version and sample. Answers live in `answers/<flow_id>/<version>.s<sample>.md`.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CassetteStore, requestKey, type NarrateRequest } from '../../src/llm/index.ts';
import { loadTemplate, renderPrompt } from '../../src/prompt/index.ts';
import { readTable, type FeatureTable } from '../../src/table/index.ts';
import { loadSuite } from '../../src/eval/index.ts';

export interface PlannedCassette {
  key: string;
  answerFile: string;
  request: NarrateRequest;
}

function suiteTables(tablesDirs: string[], suiteDir: string): FeatureTable[] {
  return tablesDirs.flatMap((dir) => {
    const path = resolve(suiteDir, dir);
    return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => readTable(JSON.parse(readFileSync(join(path, f), 'utf8')), join(path, f)));
  });
}

/** Every cassette a replay suite needs: its request key and the answer file that fills it. */
export async function planCassettes(suiteFile: string): Promise<{ dir: string; model: string; planned: PlannedCassette[] }> {
  const suite = loadSuite(suiteFile);
  const suiteDir = dirname(suiteFile);
  const dir = resolve(suiteDir, suite.provider.cassettes!);
  const model = suite.provider.model!;
  const tables = suiteTables(suite.tables ?? [], suiteDir);
  const planned: PlannedCassette[] = [];
  for (const prompt of suite.prompts) {
    const template = await loadTemplate(prompt);
    for (const table of tables) {
      for (let sample = 0; sample < suite.repeats; sample++) {
        const request = renderPrompt(template, table, { model, sample });
        planned.push({ key: requestKey(request), answerFile: join(dir, 'answers', table.flow_id, `${template.version}.s${sample}.md`), request });
      }
    }
  }
  return { dir, model, planned };
}

/** Rewrite the suite's cassettes from the answers (old cassettes removed first, answers kept). */
export async function buildCassettes(suiteFile: string): Promise<number> {
  const { dir, model, planned } = await planCassettes(suiteFile);
  const missing = planned.filter((p) => !existsSync(p.answerFile)).map((p) => p.answerFile);
  if (missing.length > 0) throw new Error(`missing answers:\n${missing.join('\n')}`);
  for (const f of readdirSync(dir)) if (/^v\d+-[0-9a-f]+\.json$/.test(f)) rmSync(join(dir, f));
  const store = new CassetteStore(dir);
  for (const p of planned) await store.write(p.key, p.request, { text: readFileSync(p.answerFile, 'utf8'), provider: 'hand-written', model });
  return planned.length;
}
