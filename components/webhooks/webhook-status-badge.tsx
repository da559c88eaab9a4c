import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES: Record<string, BadgeTone> = {
  received: 'blue',
  processing: 'blue',
  processed: 'green',
  ignored: 'gray',
  failed: 'amber',
  dead: 'red',
};

export function WebhookStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? 'gray'}>{status}</Badge>;
}
