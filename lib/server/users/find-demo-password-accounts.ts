import type { Db, Tx } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_USERS } from '@/prisma/factories/catalog';

// Active accounts that still accept a password printed in the README (the demo users, or an
// admin who kept one). A production start refuses to run while any exist. Only the demo e-mails
// and the admins are checked: scrypt costs ~50–100 ms per try, and those are the accounts an
// attacker would try first.
export async function findDemoPasswordAccounts(db: Db | Tx): Promise<string[]> {
  const candidates = await db.user.findMany({
    where: {
      disabledAt: null,
      passwordHash: { not: null },
      OR: [{ email: { in: DEMO_USERS.map((u) => u.email) } }, { role: 'admin' }],
    },
    select: { email: true, passwordHash: true },
    orderBy: { email: 'asc' },
  });
  const found: string[] = [];
  for (const user of candidates) {
    for (const demo of DEMO_USERS) {
      if (await verifyPassword(demo.password, user.passwordHash!)) {
        found.push(user.email);
        break;
      }
    }
  }
  return found;
}
