import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.ts';
import { SuiteSchema, type Suite } from './suite-schema.ts';

/**
 * Read and validate a suite file. A YAML syntax error or a schema violation is an InputError
 * naming the file and the offending key.
 *
 * @example
 * const suite = loadSuite('eval/suites/ci.yaml');
 */
export function loadSuite(file: string): Suite {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError({ file, expected: 'a readable suite YAML file' }, 'Cannot read the suite', { cause });
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (cause) {
    throw new InputError({ file, expected: 'YAML' }, 'Cannot parse the suite as YAML', { cause });
  }
  const parsed = SuiteSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(root)';
    throw new InputError({ file, field, expected: issue.message }, `Invalid suite key \`${field}\`: ${issue.message}`);
  }
  return parsed.data;
}
