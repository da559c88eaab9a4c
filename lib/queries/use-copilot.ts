'use client';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { COPILOT_STREAM_SEPARATOR, type CopilotTurnResult } from '@/lib/schemas/copilot';
import { fetchStreamedResult } from './fetch-streamed-result';

/**
 * One copilot turn through the streaming route: `draft` is the text as it arrives (only while
 * pending); the resolved turn is the checked answer, which replaces the draft.
 */
export function useAskCopilot(customerId: string) {
  const [draft, setDraft] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (input: { question: string; conversationId?: string }): Promise<CopilotTurnResult> => {
      setDraft('');
      return fetchStreamedResult<CopilotTurnResult>(`/api/v1/customers/${encodeURIComponent(customerId)}/copilot`, {
        body: input,
        separator: COPILOT_STREAM_SEPARATOR,
        what: 'answer',
        onDraft: setDraft,
      });
    },
    onSettled: () => setDraft(null),
  });
  return { ...mutation, draft: mutation.isPending ? draft : null };
}
