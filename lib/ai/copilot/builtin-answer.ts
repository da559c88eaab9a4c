import type { CopilotFacts } from './copilot-facts';
import type { CopilotDataSource, CopilotToolCall, CopilotToolName } from './copilot-data-source';
import { runCopilotTool } from './copilot-tools';
import type { ToolOutput } from './tool-outputs';

// The built-in answer: no model. The question picks the tools (by topic words), the tools' brief
// sentences are the answer, each figure the display form of a fact — so it is grounded by
// construction and the check only confirms it. Used when no model is configured and when a
// model's answer fails the grounding check twice.

export const BUILTIN_ANSWER_VERSION = 'support-copilot-builtin/v1';
export const BUILTIN_ANSWER_LABEL = 'Built-in answer (composed from this customer’s data, no AI model)';

type Topic = { id: string; re: RegExp; tools: CopilotToolName[] };

const TOPICS: Topic[] = [
  {
    id: 'invoice',
    re: /\b(?:invoices?|bill(?:s|ed|ing)?|charged?|charges|higher|increase[ds]?|went\s+up|more\s+this\s+month|expensive|cost)\b/i,
    tools: ['explain_invoice', 'get_usage'],
  },
  {
    id: 'payments',
    re: /\b(?:pay(?:ment|ments|ing)?|card|declined?|dunning|overdue|past\s+due|retr(?:y|ies)|delinquent|failed\s+payment)\b/i,
    tools: ['get_payments'],
  },
  {
    id: 'usage',
    re: /\b(?:usage|limits?|quota|overage|429s?|throttl\w*|meters?|forecast|running\s+out|headroom)\b/i,
    tools: ['get_usage'],
  },
  {
    id: 'api_errors',
    re: /\b(?:errors?|[45]\d\d|5xx|4xx|failing|endpoints?|latency|timeouts?|outage)\b/i,
    tools: ['get_api_errors'],
  },
  { id: 'tickets', re: /\b(?:tickets?|wrote|asked|complain\w*|requests?\s+from)\b/i, tools: ['get_tickets'] },
  {
    id: 'plan',
    re: /\b(?:plan|subscription|upgrade|downgrade|renew\w*|cancel\w*|price)\b/i,
    tools: ['get_subscription'],
  },
];

const ACTION_REQUEST = /\b(?:issue|give|grant|apply|refund|credit|waive|cancel|change|upgrade|downgrade|mark)\b/i;

/** Pure: the tools a question needs, in answer order (subscription and usage when nothing matches). */
export function toolsForQuestion(question: string): CopilotToolName[] {
  const picked = TOPICS.filter((t) => t.re.test(question)).flatMap((t) => t.tools);
  const tools = picked.length ? picked : (['get_subscription', 'get_usage'] as CopilotToolName[]);
  return [...new Set(tools)];
}

function runner(source: CopilotDataSource, f: CopilotFacts): Record<CopilotToolName, () => Promise<ToolOutput>> {
  return {
    get_subscription: () => source.subscription(f),
    get_usage: () => source.usage(f),
    list_invoices: () => source.invoices(f),
    explain_invoice: () => source.explainInvoice(f),
    get_payments: () => source.payments(f),
    get_api_errors: () => source.apiErrors(f),
    get_tickets: () => source.tickets(f),
    search_knowledge: () => source.searchKnowledge(f, ''),
  };
}

export async function composeBuiltinAnswer(
  question: string,
  source: CopilotDataSource,
  facts: CopilotFacts,
  log: CopilotToolCall[],
): Promise<string> {
  const run = runner(source, facts);
  const paragraphs: string[] = [];
  for (const name of toolsForQuestion(question)) {
    const out = await runCopilotTool(log, name, {}, run[name]);
    paragraphs.push(out ? out.brief.join(' ') : `The ${name.replace(/_/g, ' ')} data could not be read just now.`);
  }
  const knowledge = await runCopilotTool(log, 'search_knowledge', { query: question }, () =>
    source.searchKnowledge(facts, question),
  );
  if (knowledge?.brief.length) paragraphs.push(knowledge.brief.join('\n'));
  if (
    ACTION_REQUEST.test(question) &&
    /\b(?:credit|refund|waive|cancel|change|upgrade|downgrade|mark)\b/i.test(question)
  )
    paragraphs.push(
      'The copilot only reads: a credit, refund or plan change has to be drafted by a person and goes through the approval queue.',
    );
  const flags = facts.injections();
  if (flags.length)
    paragraphs.push(
      `Note: ${flags.length === 1 ? 'one text' : 'some texts'} in this customer’s data contain instructions aimed at an assistant; they were ignored.`,
    );
  return paragraphs.filter((p) => p.trim()).join('\n\n');
}
