'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

export const UNDO_WINDOW_MS = 5_000;

export interface DeferredDecision {
  id: string;
  /** Sends the decision to the server; called once, after the undo window or on leaving. */
  send: () => void;
}

// A decision waits in the browser for the undo window before anything is sent, so "Undo" is
// honest: until `send` runs the server knows nothing, and once it has run there is no Undo left to
// press. Leaving the queue sends what is waiting (the reviewer decided; the window only lets them
// take it back); closing the tab first asks the browser to confirm.
export function useDeferredDecisions(windowMs = UNDO_WINDOW_MS) {
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; send: () => void }>());
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());
  const sync = () => setWaiting(new Set(timers.current.keys()));

  const fire = useCallback((id: string) => {
    const entry = timers.current.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    timers.current.delete(id);
    sync();
    entry.send();
  }, []);

  const defer = useCallback(
    (d: DeferredDecision) => {
      if (timers.current.has(d.id)) return;
      timers.current.set(d.id, { timer: setTimeout(() => fire(d.id), windowMs), send: d.send });
      sync();
    },
    [fire, windowMs],
  );

  /** Takes a waiting decision back; false when it was already sent (then nothing is undone). */
  const undo = useCallback((id: string): boolean => {
    const entry = timers.current.get(id);
    if (!entry) return false;
    clearTimeout(entry.timer);
    timers.current.delete(id);
    sync();
    return true;
  }, []);

  useEffect(() => {
    const map = timers.current;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (map.size) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      for (const id of [...map.keys()]) {
        const entry = map.get(id)!;
        clearTimeout(entry.timer);
        map.delete(id);
        entry.send();
      }
    };
  }, []);

  return { defer, undo, waiting };
}
