'use client';
import { useSearchParams } from 'next/navigation';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Button } from './button';
import { Input, Select } from './input';

interface SavedView {
  name: string;
  /** The page's search string (filters and sort), without the "?". */
  query: string;
}

const CHANGED = 'tollgate:saved-views';
const storageKey = (page: string) => `tollgate.views.${page}`;

function parseViews(raw: string | null): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.query === 'string')
      : [];
  } catch {
    return [];
  }
}

const readViews = (page: string) => parseViews(localStorage.getItem(storageKey(page)));

function writeViews(page: string, views: SavedView[]) {
  localStorage.setItem(storageKey(page), JSON.stringify(views));
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

// Named filter sets for a list page whose filters live in its URL: saving keeps the current
// search string under a name, opening one puts it back in the URL (a history entry, so Back
// returns). Kept in this browser (localStorage), which the menu says.
export function SavedViews({ page, path }: { page: string; path: string }) {
  const current = useSearchParams().toString();
  // The stored JSON is the snapshot: a string compares by value, so React re-renders only on change.
  const raw = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(storageKey(page)) ?? '[]',
    () => '[]',
  );
  const views = parseViews(raw);
  const [naming, setNaming] = useState(false);
  const active = views.find((v) => v.query === current);

  const open = (name: string) => {
    const view = views.find((v) => v.name === name);
    if (view) window.history.pushState(null, '', view.query ? `${path}?${view.query}` : path);
  };
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    if (!name) return;
    writeViews(page, [...readViews(page).filter((v) => v.name !== name), { name, query: current }]);
    setNaming(false);
  };

  return (
    <div className="flex items-center gap-2" data-testid="saved-views">
      <Select aria-label="Saved views" value={active?.name ?? ''} onChange={(e) => open(e.target.value)}>
        <option value="">{views.length ? 'Saved views (this browser)' : 'No saved views yet'}</option>
        {views.map((v) => (
          <option key={v.name} value={v.name}>
            {v.name}
          </option>
        ))}
      </Select>
      {naming ? (
        <form onSubmit={save} className="flex items-center gap-1" aria-label="Save view">
          <Input
            name="name"
            aria-label="View name"
            placeholder="Name this view"
            maxLength={60}
            autoFocus
            className="w-40"
          />
          <Button type="submit" variant="secondary">
            Save
          </Button>
          <Button type="button" variant="ghost" onClick={() => setNaming(false)}>
            Cancel
          </Button>
        </form>
      ) : active ? (
        <Button
          variant="ghost"
          onClick={() =>
            writeViews(
              page,
              readViews(page).filter((v) => v.name !== active.name),
            )
          }
          aria-label={`Delete saved view ${active.name}`}
        >
          Delete view
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => setNaming(true)}>
          Save view
        </Button>
      )}
    </div>
  );
}
