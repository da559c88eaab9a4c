// Pretty-printed JSON for payloads and evidence; never interpreted as HTML.
export function JsonView({ value, className = '' }: { value: unknown; className?: string }) {
  return (
    <pre
      className={`max-h-72 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 ${className}`}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
