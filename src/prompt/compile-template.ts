import Handlebars from 'handlebars';
import { TemplateError } from '../errors.ts';
import { TEMPLATE_VARIABLES } from './template-schema.ts';

export type CompiledMessage = (variables: Record<string, string>) => string;

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
const BLOCK_HELPERS = new Set(['if', 'unless']);

/**
 * Compile one message strictly: variables are checked against TEMPLATE_VARIABLES when the
 * template loads (so a typo fails before any call), and handlebars' strict mode guards the rest
 * at render time. No HTML escaping: prompts are not HTML; the data block is escaped on its own.
 */
export function compileMessage(source: string, file: string, partials: Record<string, string>): CompiledMessage {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(file, `cannot parse template: ${(error as Error).message}`, undefined, { cause: error });
  }
  checkVariables(ast, file, partials);
  const env = Handlebars.create();
  for (const [name, text] of Object.entries(partials)) env.registerPartial(name, text);
  const render = env.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
  return (variables) => {
    try {
      return render(variables);
    } catch (error) {
      const variable = /"([^"]+)" not defined/.exec((error as Error).message)?.[1];
      const what = variable !== undefined ? `missing variable \`${variable}\`` : (error as Error).message;
      throw new TemplateError(file, `cannot render: ${what}`, variable, { cause: error });
    }
  };
}

function checkVariables(ast: hbs.AST.Program, file: string, partials: Record<string, string>): void {
  const visitor = new Handlebars.Visitor();
  const fail = (variable: string): never => {
    throw new TemplateError(file, `unknown variable \`${variable}\`; a template may use ${TEMPLATE_VARIABLES.join(', ')}`, variable);
  };
  visitor.PathExpression = (path: hbs.AST.PathExpression) => {
    const root = path.parts[0] ?? path.original;
    if (!BLOCK_HELPERS.has(root) && !KNOWN.has(root)) fail(path.original);
  };
  visitor.PartialStatement = (partial: hbs.AST.PartialStatement) => {
    const name = (partial.name as hbs.AST.PathExpression).original;
    if (!(name in partials)) throw new TemplateError(file, `unknown partial \`${name}\``, name);
    checkVariables(Handlebars.parse(partials[name]!), file, partials);
  };
  visitor.accept(ast);
}
