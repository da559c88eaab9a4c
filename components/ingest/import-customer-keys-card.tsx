'use client';
import { useState } from 'react';
import { useImportCustomerKeys } from '@/lib/queries/use-customer-keys';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

// Bulk registration of the keys a key manager already holds: a CSV export (header row naming
// customer_id or external_customer_id, and key or key_hash), with a verdict per row.
export function ImportCustomerKeysCard() {
  const importKeys = useImportCustomerKeys();
  const [csv, setCsv] = useState('');
  const result = importKeys.data;
  const problems = result?.results.filter((r) => r.status !== 'created' && r.status !== 'existing') ?? [];
  return (
    <Card title="Customer API keys">
      <div className="flex flex-col gap-3 text-sm">
        <p className="text-slate-600">
          Gateways identify the caller by the customer&apos;s API key. Register keys here from a CSV (columns{' '}
          <code>external_customer_id</code> or <code>customer_id</code>, and <code>key</code> or <code>key_hash</code>,
          optional <code>name</code>, <code>prefix</code>), or from your key manager with{' '}
          <code>POST /api/v1/customer-keys</code> and an ingest token. Keys are stored as sha256 only.
        </p>
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? '')}
        />
        <textarea
          aria-label="CSV"
          className="min-h-24 rounded-md border border-slate-300 p-2 font-mono text-xs"
          placeholder={'external_customer_id,key_hash,name\ncus_123,9f86d081…,Production'}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
        />
        <div>
          <Button disabled={!csv.trim() || importKeys.isPending} onClick={() => importKeys.mutate(csv)}>
            {importKeys.isPending ? 'Importing…' : 'Import keys'}
          </Button>
        </div>
        {importKeys.error ? <p className="text-red-700">{importKeys.error.message}</p> : null}
        {result ? (
          <div data-testid="key-import-result">
            <p>
              {result.created} created, {result.existing} already registered, {result.rejected} refused.
            </p>
            {problems.length ? (
              <ul className="mt-1 list-disc pl-5 text-xs text-red-700">
                {problems.slice(0, 50).map((r) => (
                  <li key={r.index}>
                    Row {r.index + 2}: {r.status.replace('_', ' ')}
                    {r.message ? ` — ${r.message}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
