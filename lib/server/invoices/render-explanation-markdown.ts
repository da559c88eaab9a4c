import type { ExplanationView } from '@/lib/schemas/invoices';

// Pure: an explanation as Markdown ("Copy as Markdown") or as Slack mrkdwn ("Post to Slack").
// Only the stored, checked text and the fact displays are used, so the copy says exactly what
// the page says — no number is formatted here.

export type MarkdownFlavor = 'markdown' | 'slack';

type Source = Pick<
  ExplanationView,
  'invoiceNumber' | 'invoiceId' | 'writerLabel' | 'provider' | 'modelId' | 'promptVersion' | 'change'
> & {
  summary: string;
  lines: Array<{ description: string; text: string }>;
  changes: string[];
};

const SLACK_LIMIT = 3_900;

export function renderExplanationMarkdown(view: Source, flavor: MarkdownFlavor = 'markdown'): string {
  const bold = (s: string) => (flavor === 'slack' ? `*${s}*` : `**${s}**`);
  const italic = (s: string) => `_${s}_`;
  const title = `Invoice ${view.invoiceNumber ?? view.invoiceId}`;
  const out: string[] = [flavor === 'slack' ? bold(title) : `### ${title}`, '', view.summary, ''];
  if (view.lines.length > 0) {
    out.push(bold('Line by line'));
    for (const l of view.lines) out.push(`- ${l.description ? `${bold(l.description)}: ` : ''}${l.text}`);
    out.push('');
  }
  out.push(bold('What changed since last month'));
  for (const c of view.changes) out.push(`- ${c}`);
  if (view.change && view.change.drivers.length > 0 && flavor === 'markdown') {
    out.push('', '| Driver | Change |', '|---|---:|');
    for (const d of view.change.drivers) out.push(`| ${d.label.replaceAll('|', '/')} | ${d.display} |`);
    out.push(`| ${bold('Total change')} | ${bold(view.change.totalChange.display)} |`);
  }
  out.push(
    '',
    italic(
      `Written by ${view.writerLabel} (${view.provider}${view.modelId ? ` · ${view.modelId}` : ''}, ${view.promptVersion}); every number checked against the invoice data.`,
    ),
  );
  const text = out.join('\n');
  return flavor === 'slack' && text.length > SLACK_LIMIT ? `${text.slice(0, SLACK_LIMIT)}…` : text;
}
