import { ConfigError } from '../../errors.ts';
import { tableJsonSchema } from '../../table/index.ts';
import { EXIT } from '../exit-codes.ts';
import type { RegisterCommand } from '../program.ts';

/** `flowlens schema table`: the FeatureTable JSON Schema, generated from the zod schema. */
export const registerSchema: RegisterCommand = (program, io, setExit) => {
  program
    .command('schema <name>')
    .description('Print a JSON Schema: table (the FeatureTable)')
    .action((name: string) => {
      if (name !== 'table') throw new ConfigError('schema', 'arguments', `Unknown schema \`${name}\`; known: table`);
      io.stdout.write(`${JSON.stringify(tableJsonSchema(), null, 2)}\n`);
      setExit(EXIT.OK);
    });
};
