import type { ConnectionTestResult } from '@/lib/schemas/billing-connection';
import { Button } from '@/components/ui/button';

// What "Test connection" found, for any billing platform: the verdict and each list it probed.
export function ConnectionTestOutcome({ result }: { result: ConnectionTestResult }) {
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid="connection-test-result">
      <p className={result.ok ? 'font-medium text-emerald-700' : 'font-medium text-red-700'}>{result.message}</p>
      {result.probes.length ? (
        <ul className="mt-2 grid grid-cols-2 gap-1 text-xs sm:grid-cols-3">
          {result.probes.map((p) => (
            <li key={p.resource} className={p.ok ? 'text-slate-600' : 'text-red-700'} title={p.message ?? undefined}>
              {p.ok ? '✓' : '✗'} {p.label} {p.ok ? '' : '— permission missing'}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** "Test connection", when it last ran, and why a run could not start. */
export function ConnectionTestButton(props: {
  disabled: boolean;
  pending: boolean;
  testedAt: string | null;
  error: Error | null;
  onTest: () => void;
}) {
  return (
    <>
      <div className="flex items-center gap-3">
        <Button variant="secondary" disabled={props.disabled || props.pending} onClick={props.onTest}>
          {props.pending ? 'Testing…' : 'Test connection'}
        </Button>
        {props.testedAt ? (
          <span className="text-xs text-slate-500">Last tested {new Date(props.testedAt).toLocaleString()}</span>
        ) : null}
      </div>
      {props.error ? <p className="text-red-700">{props.error.message}</p> : null}
    </>
  );
}
