'use client';
import { formatDateTime } from '@/lib/format';
import { useCustomerScores } from '@/lib/queries/use-scores';
import type { CustomerScoresView } from '@/lib/schemas/scores';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { ScoreFactors } from './score-factors';
import { ScoreSparkline } from './score-sparkline';
import { scoreTone, SCORE_LABELS, type ScoreKey } from './score-tone';

const KEYS: readonly ScoreKey[] = ['expansion', 'health', 'churnRisk'];
const COLORS: Record<ScoreKey, string> = { expansion: '#2563eb', health: '#059669', churnRisk: '#dc2626' };

// The customer page's scorecard: expansion, health and churn risk, each with its factors and
// their contributions and the trend of its history (written by the Developer Success agent).
export function CustomerScorecard({ customerId, className }: { customerId: string; className?: string }) {
  const { data, isLoading, error } = useCustomerScores(customerId);
  return (
    <Card
      title="Scores"
      className={className}
      actions={
        data?.latest ? (
          <span className="text-xs text-slate-500">
            {data.latest.version} · {formatDateTime(data.latest.computedAt)}
          </span>
        ) : null
      }
    >
      <QueryState isLoading={isLoading} error={error}>
        {data && !data.latest ? (
          <p className="text-sm text-slate-500">
            Not scored yet: the Developer Success agent scores customers with a live subscription daily.
          </p>
        ) : data?.latest ? (
          <div className="grid gap-6 md:grid-cols-3" data-testid="scorecard">
            {KEYS.map((k) => (
              <ScoreColumn key={k} k={k} data={data} />
            ))}
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}

function ScoreColumn({ k, data }: { k: ScoreKey; data: CustomerScoresView }) {
  const card = data.latest![k];
  return (
    <div className="flex flex-col gap-2" data-testid={`score-${k}`}>
      <div className="flex items-baseline justify-between">
        <span className="text-sm font-semibold text-slate-800">{SCORE_LABELS[k]}</span>
        <span className={`text-2xl font-semibold tabular-nums ${scoreTone(k, card.score)}`}>{card.score}</span>
      </div>
      <ScoreSparkline
        label={SCORE_LABELS[k]}
        color={COLORS[k]}
        points={data.history.map((h) => ({ t: new Date(h.computedAt).getTime(), value: h[k] }))}
      />
      <ScoreFactors card={card} />
    </div>
  );
}
