import type { KnowledgeDocumentView } from '@/lib/schemas/knowledge';

export const knowledgeDocumentSelect = {
  id: true,
  title: true,
  body: true,
  category: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function toKnowledgeDocumentView(d: {
  id: string;
  title: string;
  body: string;
  category: string;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}): KnowledgeDocumentView {
  return { ...d, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString() };
}
