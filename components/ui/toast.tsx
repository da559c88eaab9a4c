'use client';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';

export interface ToastInput {
  text: string;
  tone?: 'ok' | 'error' | 'info';
  /** One button in the toast (e.g. Undo); pressing it closes the toast. */
  action?: { label: string; onClick: () => void };
  /** Closes on its own after this long; errors stay until closed or replaced. */
  durationMs?: number;
}
interface Toast extends ToastInput {
  id: number;
}
interface ToastApi {
  show: (t: ToastInput) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);
const MAX_TOASTS = 3;

// Short notices in a corner that survive the component that raised them (a decision's result
// arrives after the queue moved on). Announced politely; errors assertively.
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (t: ToastInput) => {
      const id = nextId.current++;
      setToasts((ts) => [...ts, { ...t, id }].slice(-MAX_TOASTS));
      const duration = t.durationMs ?? (t.tone === 'error' ? undefined : 6_000);
      if (duration) setTimeout(() => dismiss(id), duration);
      return id;
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed bottom-4 right-4 z-[60] flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === 'error' ? 'alert' : 'status'}
            data-testid="toast"
            className={cn(
              'pointer-events-auto flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg',
              t.tone === 'error'
                ? 'border-red-200 bg-red-50 text-red-800'
                : t.tone === 'ok'
                  ? 'border-emerald-200 bg-emerald-50 text-emerald-800'
                  : 'border-slate-200 bg-white text-slate-800',
            )}
          >
            <span className="flex-1">{t.text}</span>
            {t.action ? (
              <button
                type="button"
                className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                onClick={() => {
                  dismiss(t.id);
                  t.action!.onClick();
                }}
              >
                {t.action.label}
              </button>
            ) : null}
            <button type="button" aria-label="Dismiss notice" className="text-slate-500" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider (components/providers.tsx)');
  return api;
}
