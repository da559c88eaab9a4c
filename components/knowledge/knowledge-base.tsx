'use client';
import { useState, type FormEvent } from 'react';
import { KNOWLEDGE_CATEGORIES, HIGHLIGHT_END, HIGHLIGHT_START } from '@/lib/schemas/knowledge';
import { formatDate } from '@/lib/format';
import {
  useArchiveKnowledgeDocument,
  useCreateKnowledgeDocument,
  useKnowledgeDocuments,
  useKnowledgeSearch,
} from '@/lib/queries/use-knowledge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import { QueryCard } from '@/components/ui/query-card';

function Snippet({ text }: { text: string }) {
  return (
    <>
      {text.split(HIGHLIGHT_START).map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit, ...rest] = part.split(HIGHLIGHT_END);
        return (
          <span key={i}>
            <mark className="rounded bg-amber-100 px-0.5">{hit}</mark>
            {rest.join(HIGHLIGHT_END)}
          </span>
        );
      })}
    </>
  );
}

function AddDocumentForm() {
  const create = useCreateKnowledgeDocument();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState<(typeof KNOWLEDGE_CATEGORIES)[number]>('billing');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ title, body, category }, { onSuccess: () => (setTitle(''), setBody('')) });
  };
  return (
    <Card title="Add a document">
      <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Add a knowledge document">
        <div className="flex gap-2">
          <Input
            aria-label="Title"
            placeholder="Title"
            className="flex-1"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Select
            aria-label="Category"
            value={category}
            onChange={(e) => setCategory(e.target.value as typeof category)}
          >
            {KNOWLEDGE_CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </div>
        <textarea
          aria-label="Markdown"
          placeholder="Markdown: API docs, billing policies …"
          className="min-h-40 rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm"
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {create.error ? <p className="text-sm text-red-700">{create.error.message}</p> : null}
        <div>
          <Button type="submit" disabled={create.isPending || title.trim().length < 3 || !body.trim()}>
            Add document
          </Button>
        </div>
      </form>
    </Card>
  );
}

// The knowledge base: search it the way the copilot does (ranked, with highlighted snippets),
// read the documents, and — for admins — add Markdown documents and archive them.
export function KnowledgeBase({ canManage }: { canManage: boolean }) {
  const [q, setQ] = useState('');
  const search = useKnowledgeSearch(q);
  const docs = useKnowledgeDocuments();
  const archive = useArchiveKnowledgeDocument();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="flex flex-col gap-6">
        <Card title="Search">
          <Input
            aria-label="Search the knowledge base"
            placeholder="e.g. overage billing"
            className="w-full"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <ul className="mt-3 flex flex-col divide-y divide-slate-100 text-sm">
            {search.data?.items.map((h) => (
              <li key={`${h.sourceType}:${h.sourceId}`} className="py-2" data-testid="knowledge-hit">
                <div className="flex items-center gap-2">
                  <span className="font-medium">{h.title}</span>
                  <Badge>{h.category}</Badge>
                  <span className="ml-auto text-xs tabular-nums text-slate-500">rank {h.rank.toFixed(3)}</span>
                </div>
                <p className="text-slate-600">
                  <Snippet text={h.snippet} />
                </p>
              </li>
            ))}
            {search.data && search.data.items.length === 0 ? (
              <li className="py-2 text-slate-500">No matches.</li>
            ) : null}
          </ul>
        </Card>
        {canManage ? <AddDocumentForm /> : null}
      </div>
      <QueryCard title="Documents" query={docs} testId="knowledge-documents">
        {({ items }) =>
          items.length === 0 ? (
            <p className="text-sm text-slate-500">
              No documents yet.{canManage ? ' Add API docs or billing policies.' : ''}
            </p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100">
              {items.map((d) => (
                <li key={d.id} className="py-3 first:pt-0" data-testid="knowledge-document">
                  <div className="flex items-center gap-2 text-sm">
                    <span className="font-medium">{d.title}</span>
                    <Badge>{d.category}</Badge>
                    <span className="text-xs text-slate-500">updated {formatDate(d.updatedAt)}</span>
                    {canManage ? (
                      <Button
                        variant="ghost"
                        className="ml-auto"
                        disabled={archive.isPending}
                        onClick={() => archive.mutate(d.id)}
                      >
                        Archive
                      </Button>
                    ) : null}
                  </div>
                  {/* Focusable so a keyboard user can scroll a long article (WCAG 2.1.1). */}
                  <pre
                    tabIndex={0}
                    aria-label={`${d.title}: article text`}
                    className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded font-sans text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500"
                  >
                    {d.body}
                  </pre>
                </li>
              ))}
            </ul>
          )
        }
      </QueryCard>
    </div>
  );
}
