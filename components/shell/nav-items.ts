import type { Capability } from '@/lib/auth/capabilities';

export interface NavItem {
  href: string;
  label: string;
  capability: Capability; // hidden without it; the page checks again on the server
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/overview', label: 'Overview', capability: 'console.read' },
  { href: '/approvals', label: 'Approvals', capability: 'console.read' },
  { href: '/customers', label: 'Customers', capability: 'console.read' },
  { href: '/expansion', label: 'Expansion', capability: 'console.read' },
  { href: '/invoices', label: 'Invoices', capability: 'console.read' },
  { href: '/incidents', label: 'Incidents', capability: 'console.read' },
  { href: '/knowledge', label: 'Knowledge', capability: 'console.read' },
  { href: '/audit', label: 'Audit', capability: 'audit.read' },
  { href: '/policies', label: 'Policies', capability: 'console.read' },
  { href: '/webhooks', label: 'Webhooks', capability: 'webhooks.read' },
  { href: '/ingest', label: 'Ingest', capability: 'ingest.read' },
  { href: '/catalog', label: 'Catalog', capability: 'billing.manage' },
  { href: '/reconciliation', label: 'Reconciliation', capability: 'reconciliation.read' },
  { href: '/integrations', label: 'Integrations', capability: 'integrations.manage' },
  { href: '/settings', label: 'Settings', capability: 'console.read' },
];
