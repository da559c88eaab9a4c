import type { CustomerProfile } from './customer-profiles';
import type { Rng } from '@/lib/prng';

export interface TicketSeed {
  id: string;
  customerId: string;
  subject: string;
  body: string;
  status: 'open' | 'pending' | 'solved';
  priority: 'low' | 'normal' | 'high';
  category: string;
  createdAt: Date;
}

const TOPICS = [
  {
    category: 'billing',
    subject: 'Why is my invoice higher this month?',
    body: 'Our bill went up compared to last month and we did not change anything. Can you explain the difference?',
  },
  {
    category: 'billing',
    subject: 'Need a copy of our invoice with VAT number',
    body: 'Please add our VAT number to the last invoice and resend it.',
  },
  {
    category: 'usage',
    subject: 'Getting 429s on the API',
    body: 'Since this morning some of our requests return 429 Too Many Requests. Are we over our quota?',
  },
  {
    category: 'usage',
    subject: 'How do I see usage per API key?',
    body: 'We have several services sharing one account and want to split the usage.',
  },
  {
    category: 'account',
    subject: 'Upgrade options for more compute',
    body: 'We are running out of compute minutes every month. What would the next plan cost?',
  },
  {
    category: 'api',
    subject: 'Latency spike in us-east',
    body: 'p99 latency doubled for about two hours yesterday. Was there an incident?',
  },
];

export function buildTickets(rng: Rng, customers: CustomerProfile[], now: Date): TicketSeed[] {
  const tickets: TicketSeed[] = [];
  for (const c of customers) {
    const wanted = c.delinquent ? 1 : c.usage.shape === 'runaway' ? 1 : rng.chance(0.3) ? 1 : 0;
    for (let i = 0; i < wanted; i++) {
      const topic = c.delinquent
        ? {
            category: 'billing',
            subject: 'Card declined — how do we update payment details?',
            body: 'We got an e-mail that our payment failed. How can we update the card on file?',
          }
        : c.usage.shape === 'runaway'
          ? {
              category: 'usage',
              subject: 'Unexpected usage spike?',
              body: 'Our dashboard shows far more API calls than usual over the last days. We did not deploy anything new.',
            }
          : rng.pick(TOPICS);
      const ageDays = rng.int(0, 60);
      tickets.push({
        id: `tkt_demo_${c.id.slice(-3)}_${i + 1}`,
        customerId: c.id,
        ...topic,
        status: ageDays < 3 ? 'open' : ageDays < 7 ? 'pending' : 'solved',
        priority: c.delinquent || c.usage.shape === 'runaway' ? 'high' : rng.pick(['low', 'normal', 'normal'] as const),
        createdAt: new Date(now.getTime() - ageDays * 86_400_000 - rng.int(0, 23) * 3_600_000),
      });
    }
  }
  return tickets;
}

export const SLA_POLICIES = [
  {
    id: 'sla_growth',
    name: 'Growth SLA 99.5%',
    planId: 'plan_growth',
    uptimeTargetBp: 9950,
    creditTiers: [
      { belowBp: 9950, creditPercent: 10 },
      { belowBp: 9900, creditPercent: 25 },
    ],
  },
  {
    id: 'sla_scale',
    name: 'Scale SLA 99.9%',
    planId: 'plan_scale',
    uptimeTargetBp: 9990,
    creditTiers: [
      { belowBp: 9990, creditPercent: 10 },
      { belowBp: 9950, creditPercent: 25 },
    ],
  },
  {
    id: 'sla_enterprise',
    name: 'Enterprise SLA 99.95%',
    planId: 'plan_enterprise',
    uptimeTargetBp: 9995,
    creditTiers: [
      { belowBp: 9995, creditPercent: 10 },
      { belowBp: 9990, creditPercent: 25 },
      { belowBp: 9950, creditPercent: 50 },
    ],
  },
];

// One past incident: a 2 h 40 min API outage 16 days ago that hit paying customers on SLA plans.
export function buildIncident(customers: CustomerProfile[], now: Date) {
  const startedAt = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 16 * 86_400_000 - 5 * 3_600_000);
  const affected = customers.filter((c) => c.plan.key !== 'starter').filter((_, i) => i % 3 === 0);
  return {
    id: 'inc_demo_api_outage',
    title: 'Elevated 5xx errors on the API gateway (us-east-1)',
    description:
      'A faulty load balancer configuration sent a share of API traffic to drained nodes. Rolled back after 2 h 40 min.',
    severity: 'sev2',
    status: 'resolved' as const,
    slaPolicyId: 'sla_scale',
    services: ['api'],
    regions: ['us-east-1'],
    startedAt,
    resolvedAt: new Date(startedAt.getTime() + 160 * 60_000),
    impacts: affected.map((c) => ({ customerId: c.id, downtimeMin: 160 })),
  };
}
