'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { knowledgeDocumentBody, KnowledgeDocumentView, KnowledgeSearchResponse } from '@/lib/schemas/knowledge';
import { apiFetch } from './api-client';

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  list: ['knowledge', 'list'] as const,
  search: (q: string) => ['knowledge', 'search', q] as const,
};

export function useKnowledgeDocuments() {
  return useQuery({
    queryKey: knowledgeKeys.list,
    queryFn: () => apiFetch<{ items: KnowledgeDocumentView[] }>('/api/v1/knowledge'),
  });
}

export function useKnowledgeSearch(q: string) {
  return useQuery({
    queryKey: knowledgeKeys.search(q),
    queryFn: () => apiFetch<KnowledgeSearchResponse>('/api/v1/knowledge/search', { query: { q } }),
    enabled: q.trim().length > 0,
  });
}

export function useCreateKnowledgeDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (doc: z.input<typeof knowledgeDocumentBody>) =>
      apiFetch<KnowledgeDocumentView>('/api/v1/knowledge', { method: 'POST', body: doc }),
    onSuccess: () => qc.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}

export function useArchiveKnowledgeDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/knowledge/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}
