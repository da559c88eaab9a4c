'use client';
import { formatMoney } from '@/lib/money';
import type { ActionDetail } from '@/lib/schemas/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

// Approving $1,000 or more (minor units) asks first — or, when the kind's policy sets a
// dual-approval amount, anything above that: a large decision gets a deliberate second look
// instead of an undo window.
export const CONFIRM_APPROVAL_AT_MINOR = 100_000;

export function needsConfirmation(a: ActionDetail): boolean {
  if (a.amountMinor === null) return false;
  const dual = a.policy.dualApprovalAbove;
  return dual !== null ? a.amountMinor > dual : a.amountMinor >= CONFIRM_APPROVAL_AT_MINOR;
}

function thresholdText(a: ActionDetail): string {
  const dual = a.policy.dualApprovalAbove;
  const currency = a.currency ?? 'usd';
  return dual !== null
    ? `above ${formatMoney(dual, currency)}`
    : `of ${formatMoney(CONFIRM_APPROVAL_AT_MINOR, currency)} or more`;
}

interface Props {
  action: ActionDetail;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmApprovalDialog({ action: a, onConfirm, onCancel }: Props) {
  const amount = formatMoney(a.amountMinor ?? 0, a.currency ?? 'usd');
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onCancel()}
      title={`Approve ${amount}?`}
      description={`“${a.title}” moves ${amount}${a.customer ? ` for ${a.customer.name}` : ''}. Approvals ${thresholdText(a)} are confirmed here and sent at once, without an undo window.`}
    >
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="button" onClick={onConfirm} autoFocus>
          Approve {amount}
        </Button>
      </div>
    </Dialog>
  );
}
