import { useEffect } from 'react';
import { messageOf } from '../../api/errors';
import { DRAW } from './drawKinds';
import type { AoiMapPort } from './mapPort';
import type { AoisState } from './useAois';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Ctrl/Cmd+Z undoes the last AOI edit, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes it; P, R and C start drawing
 * a polygon, rectangle or circle (the keys the draw buttons' tooltips show). Never while typing.
 */
export function useAoiShortcuts(aois: AoisState, notify: (text: string) => void, map?: AoiMapPort): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey) return;
      if (!(e.ctrlKey || e.metaKey)) {
        const draw = DRAW.find((d) => d.key === e.key.toUpperCase());
        if (!draw || !map || e.shiftKey) return;
        e.preventDefault();
        map.startDraw(draw.kind);
        return;
      }
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || key === 'y';
      if (key !== 'z' && !redo) return;
      e.preventDefault();
      const run = redo ? aois.redo : aois.undo;
      run().then(
        (label) => label && notify(`${redo ? 'Redone' : 'Undone'}: ${label}.`),
        (err: unknown) => notify(messageOf(err)),
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [aois, notify, map]);
}
