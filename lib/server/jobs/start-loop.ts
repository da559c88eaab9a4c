export interface Loop {
  stop: () => Promise<void>;
}

// Runs `fn` every `intervalMs` (measured from the end of the previous run, so runs never
// overlap) until stopped; stop() waits for a run in progress. Errors are logged, not fatal: a
// database blip must not kill the worker.
export function startLoop(name: string, intervalMs: number, fn: () => Promise<unknown>): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        await fn();
      } catch (err) {
        console.error(`[${name}]`, (err as Error).message);
      }
    })().finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
