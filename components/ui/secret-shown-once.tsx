'use client';
import { Button } from './button';

// A secret that exists only in the caller's state after creation (a token, an API key): shown
// once, with Copy; dismissing it, or leaving the page, loses it for good — only its hash is kept.
export function SecretShownOnce({
  label,
  secret,
  onDone,
  testId = 'new-secret',
}: {
  label: string;
  secret: string;
  onDone: () => void;
  testId?: string;
}) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid={testId}>
      <p className="font-medium text-amber-900">Copy this {label} now — it will not be shown again.</p>
      <code
        className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs"
        data-testid={`${testId}-secret`}
      >
        {secret}
      </code>
      <div className="mt-2 flex gap-2">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret)}>
          Copy
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
