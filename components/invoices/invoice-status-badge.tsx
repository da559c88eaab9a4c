import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES: Record<string, BadgeTone> = {
  paid: 'green',
  open: 'amber',
  draft: 'gray',
  void: 'gray',
  uncollectible: 'red',
};

export function InvoiceStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? 'gray'}>{status}</Badge>;
}
