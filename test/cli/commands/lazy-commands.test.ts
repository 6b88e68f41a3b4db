import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, loadCommands } from '../../../src/cli/commands/index.ts';
import { createProgram } from '../../../src/cli/program.ts';
import { runCli } from '../support.ts';

const io = { stdout: process.stdout, stderr: process.stderr };

describe('lazy command loading', () => {
  it('lists every command with the term and summary its module registers', async () => {
    const full = createProgram(io, () => {}, await loadCommands([], true));
    const help = full.createHelp();
    const listed = full.commands.map((c) => ({ name: c.name(), term: help.subcommandTerm(c), summary: c.description() }));
    // The default term, not the table's: what commander itself prints for the registered command.
    const own = full.commands.map(
      (c) => c.name() + (c.options.length > 0 ? ' [options]' : '') + c.registeredArguments.map((a) => (a.required ? ` <${a.name()}>` : ` [${a.name()}]`)).join(''),
    );
    expect(listed.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(listed.map((c) => c.summary)).toEqual(COMMANDS.map((c) => c.summary));
    expect(own).toEqual(COMMANDS.map((c) => c.term));
  });

  it('loads only the command that runs, or the one help is asked about', async () => {
    expect([...(await loadCommands(['node', 'flowlens', '--help'])).keys()]).toEqual([]);
    expect([...(await loadCommands(['node', 'flowlens', 'score', 'x.csv', '--out', 'd'])).keys()]).toEqual(['score']);
    expect([...(await loadCommands(['node', 'flowlens', 'help', 'baseline'])).keys()]).toEqual(['baseline']);
  });

  it('loads no scoring or table module for `features` (its static imports, followed through every module)', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // static imports and re-exports (`import type` is erased; `await import(…)` loads on first use)
      for (const m of text.matchAll(/^(?:import|export) (?!type )[^;]*? from '(\.[^']+)';/gms)) visit(resolve(dirname(file), m[1]!));
    };
    visit(resolve(root, 'src/cli/commands/features.ts'));
    const loaded = [...seen].map((f) => relative(root, f));
    expect(loaded).toContain('src/ingest/open-flows.ts');
    expect(loaded.filter((f) => f.startsWith('src/score/') || f.startsWith('src/table/'))).toEqual([]);
  });

  it('prints the listing and each command’s own help', async () => {
    const top = await runCli(['--help']);
    for (const c of COMMANDS) expect(top.stdout).toContain(c.term);
    const score = await runCli(['score', '--help']);
    expect(score.stdout).toContain('--scores <file.jsonl>');
    const sub = await runCli(['help', 'baseline']);
    expect(sub.stdout).toContain('fit [options] <input>');
  });
});
