import { Button } from './button';

// Previous / next for offset-paginated lists; renders nothing when everything fits on one page.
export function Pagination({
  offset,
  pageSize,
  total,
  onChange,
}: {
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  if (total <= pageSize) return null;
  return (
    <div className="flex items-center justify-end gap-2 text-sm">
      <span className="text-slate-500">
        {offset + 1}–{Math.min(offset + pageSize, total)} of {total}
      </span>
      <Button variant="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        Previous
      </Button>
      <Button variant="secondary" disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)}>
        Next
      </Button>
    </div>
  );
}
