import { describe, expect, it } from 'vitest';
import { History, type Step } from './history';

function counter() {
  const log: string[] = [];
  const step = (name: string, fail = false): Step => ({
    label: name,
    undo: async () => {
      if (fail) throw new Error('offline');
      log.push(`undo ${name}`);
    },
    redo: async () => void log.push(`redo ${name}`),
  });
  return { log, step };
}

describe('History', () => {
  it('undoes and redoes in order, and a new action clears the redo list', async () => {
    const { log, step } = counter();
    const h = new History();
    h.push(step('a'));
    h.push(step('b'));
    expect(await h.undo()).toBe('b');
    expect(await h.undo()).toBe('a');
    expect(await h.undo()).toBeUndefined();
    expect(await h.redo()).toBe('a');
    h.push(step('c'));
    expect(h.canRedo).toBe(false);
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
    expect(h.nextUndoLabel()).toBe('c');
  });

  it('keeps a step whose undo failed, so it can be tried again', async () => {
    const { step } = counter();
    const h = new History();
    h.push(step('x', true));
    await expect(h.undo()).rejects.toThrow('offline');
    expect(h.canUndo).toBe(true);
    expect(h.canRedo).toBe(false);
  });

  it('forgets the oldest steps beyond its limit', async () => {
    const { step } = counter();
    const h = new History(2);
    h.push(step('1'));
    h.push(step('2'));
    h.push(step('3'));
    expect(await h.undo()).toBe('3');
    expect(await h.undo()).toBe('2');
    expect(await h.undo()).toBeUndefined();
  });
});
