import { getPool } from '@/lib/db';
import type { ScoreListQuery, ScoreRow } from '@/lib/schemas/scores';
import type { StoredScoreFactors } from './record-customer-scores';

const COLUMN = { expansion: 'expansion', health: 'health', churn_risk: 'churn_risk' } as const;
const CARD = { expansion: 'expansion', health: 'health', churn_risk: 'churnRisk' } as const;

interface Row {
  customer_id: string;
  name: string;
  email: string | null;
  plan_key: string | null;
  plan_name: string | null;
  mrr: number | null;
  currency: string | null;
  expansion: number;
  health: number;
  churn_risk: number;
  factors: StoredScoreFactors;
  headroom: number | null;
  crossing_at: string | null;
  owner: string | null;
  computed_at: Date;
  total: number;
}

// The latest score of every customer (DISTINCT ON over the history index), with the live plan,
// its monthly fee as MRR, and the CRM owner; filtered, sorted and paged in SQL. Health is
// ranked worst first, expansion and churn risk highest first; the threshold reads the same way.
export async function listCustomerScores(q: ScoreListQuery): Promise<{ items: ScoreRow[]; total: number }> {
  const col = COLUMN[q.list];
  const worstFirst = q.list === 'health';
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = ['c.deleted_at IS NULL'];
  if (q.q) where.push(`(c.name ILIKE ${p(`%${q.q}%`)} OR c.email ILIKE ${p(`%${q.q}%`)})`);
  if (q.plan) where.push(`pl.key = ${p(q.plan)}`);
  if (q.owner) where.push(`o.owner_name ILIKE ${p(`%${q.owner}%`)}`);
  if (q.threshold !== undefined) where.push(`s.${col} ${worstFirst ? '<=' : '>='} ${p(q.threshold)}`);
  const order = {
    score: `s.${col} ${worstFirst ? 'ASC' : 'DESC'}`,
    mrr: 'mrr DESC NULLS LAST',
    headroom: 'headroom DESC NULLS LAST',
    crossing: 'crossing_at ASC NULLS LAST',
    name: 'c.name ASC',
  }[q.sort];
  const { rows } = await getPool().query<Row>(
    `WITH latest AS (
       SELECT DISTINCT ON (customer_id) customer_id, expansion, health, churn_risk, factors, computed_at
         FROM customer_health_scores ORDER BY customer_id, computed_at DESC
     )
     SELECT c.id AS customer_id, c.name, c.email, pl.key AS plan_key, pl.name AS plan_name,
            CASE WHEN pl.interval = 'year' THEN pl.base_price_minor / 12 ELSE pl.base_price_minor END AS mrr,
            pl.currency, s.expansion, s.health, s.churn_risk, s.factors,
            (s.factors->'signals'->>'headroomUsed')::float8 AS headroom,
            s.factors->'signals'->>'crossingAt' AS crossing_at,
            o.owner_name AS owner, s.computed_at, count(*) OVER ()::int AS total
       FROM latest s
       JOIN customers c ON c.id = s.customer_id
       LEFT JOIN LATERAL (
         SELECT plan_id FROM subscriptions sub
          WHERE sub.customer_id = c.id AND sub.status NOT IN ('canceled', 'incomplete_expired')
          ORDER BY sub.current_period_start DESC LIMIT 1
       ) sub ON true
       LEFT JOIN plans pl ON pl.id = sub.plan_id
       LEFT JOIN LATERAL (
         SELECT owner_name FROM customer_crm_links l WHERE l.customer_id = c.id AND l.owner_name IS NOT NULL
          ORDER BY l.created_at LIMIT 1
       ) o ON true
      WHERE ${where.join(' AND ')}
      ORDER BY ${order}, c.name, c.id
      LIMIT ${p(q.limit)} OFFSET ${p(q.offset)}`,
    params,
  );
  const items = rows.map((r): ScoreRow => ({
    customerId: r.customer_id,
    customerName: r.name,
    email: r.email,
    plan: r.plan_key && r.plan_name ? { key: r.plan_key, name: r.plan_name } : null,
    mrrMinor: r.mrr,
    currency: r.currency ?? 'usd',
    expansion: r.expansion,
    health: r.health,
    churnRisk: r.churn_risk,
    card: r.factors[CARD[q.list]],
    headroomUsed: r.headroom,
    crossingAt: r.crossing_at ? new Date(Number(r.crossing_at)).toISOString() : null,
    owner: r.owner,
    computedAt: r.computed_at.toISOString(),
  }));
  return { items, total: rows[0]?.total ?? 0 };
}
