import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/util/progress.ts';

/** A stream that says it is a terminal, keeping what is written. */
function fakeTty(): Writable & { isTTY: boolean; columns: number; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; text: () => string; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  Object.assign(stream, { isTTY: true, columns: 120, text: () => text, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return stream;
}

describe('createProgress on a terminal', () => {
  it('draws nothing before the first tick (a bar made ahead of its work stays off the screen)', () => {
    const tty = fakeTty();
    const progress = createProgress({ label: 'run: explaining flows', stream: tty });
    progress.setTotal(10);
    expect(tty.text()).toBe('');
    progress.tick();
    progress.done('10/10 explained');
    expect(tty.text()).toContain('run: explaining flows [');
    expect(tty.text()).toContain('| 1/10 |');
  });

  it('shows a count, not a bar full at a total of 1, when the total is unknown', () => {
    const tty = fakeTty();
    const progress = createProgress({ label: 'score: pass 1/2, fitting the baseline: flows', stream: tty });
    progress.tick(40_000);
    progress.done();
    expect(tty.text()).toContain('score: pass 1/2, fitting the baseline: flows: 40000');
    expect(tty.text()).not.toMatch(/\/1\b|100%/);
  });

  it('prints a note on its own line: plain before the bar is drawn, over the cleared bar line after', () => {
    const tty = fakeTty();
    const progress = createProgress({ label: 'explain', stream: tty });
    progress.setTotal(4);
    progress.note('batch-api: 1 batch (1 in_progress): 0/4 requests done, 0 failed');
    expect(tty.text()).toBe('batch-api: 1 batch (1 in_progress): 0/4 requests done, 0 failed\n');
    progress.tick(4);
    progress.note('batch-api: 1 batch (1 completed): 4/4 requests done, 0 failed');
    progress.done();
    expect(tty.text()).toContain('\r\x1b[2Kbatch-api: 1 batch (1 completed): 4/4 requests done, 0 failed\n');
  });
});
