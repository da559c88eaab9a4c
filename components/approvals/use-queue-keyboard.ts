'use client';
import { useEffect } from 'react';

// j/k move, a approve, r reject, e edit — ignored while typing in a field or with a dialog open.
export function useQueueKeyboard(handlers: Record<'j' | 'k' | 'a' | 'r' | 'e', () => void>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
      if (document.querySelector('[role="dialog"]')) return;
      const fn = handlers[e.key as keyof typeof handlers];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
