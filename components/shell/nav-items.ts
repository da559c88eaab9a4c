import type { Role } from '@/lib/auth/roles';

export interface NavItem {
  href: string;
  label: string;
  roles?: readonly Role[]; // hidden for other roles; the page checks again on the server
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/approvals', label: 'Approvals' },
  { href: '/customers', label: 'Customers' },
  { href: '/invoices', label: 'Invoices' },
  { href: '/incidents', label: 'Incidents' },
  { href: '/audit', label: 'Audit', roles: ['admin', 'revops'] },
  { href: '/policies', label: 'Policies' },
  { href: '/webhooks', label: 'Webhooks', roles: ['admin', 'revops'] },
  { href: '/ingest', label: 'Ingest', roles: ['admin', 'revops'] },
  { href: '/settings', label: 'Settings' },
];
