import type { z } from 'zod';
import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { shareToSlackBody, shareToSlackResponse } from '@/lib/schemas/invoices';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { renderExplanationMarkdown } from './render-explanation-markdown';
import { storedExplanationSelect, toExplanationView } from './to-explanation-view';

// "Post to Slack" is an action like any other: it drafts a slack_post action with the stored
// explanation's text, and the slack_post policy decides (off / observe / approval / autopilot).
// Nothing is sent from here.
export async function shareInvoiceExplanationToSlack(
  user: SessionUser,
  invoiceId: string,
  body: z.infer<typeof shareToSlackBody>,
  requestId?: string | null,
): Promise<z.infer<typeof shareToSlackResponse>> {
  const db = getDb();
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: { id: true, number: true, customerId: true },
  });
  if (!invoice) throw notFound('Invoice');
  const row = await db.invoiceExplanation.findFirst({
    where: { invoiceId, ...(body.explanationId ? { id: body.explanationId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: storedExplanationSelect,
  });
  if (!row) throw notFound('Explanation');
  const view = toExplanationView(row);
  const text = renderExplanationMarkdown(
    {
      ...view,
      summary: view.summary.text,
      lines: view.lines.map((l) => ({ description: l.description, text: l.text })),
      changes: view.changes.map((c) => c.text),
    },
    'slack',
  );
  const outcome = await db.$transaction((tx) =>
    proposeAction(tx, {
      kind: 'slack_post',
      customerId: invoice.customerId,
      title: `Post the explanation of invoice ${invoice.number ?? invoice.id} to Slack`,
      payload: { text, ...(body.integrationId ? { integrationId: body.integrationId } : {}) },
      actor: { type: 'user', id: user.id },
      requestId,
      sourceRef: `invoice_explanations:${row.id}`,
    }),
  );
  return { ...outcome, explanationId: row.id };
}
