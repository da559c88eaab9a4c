// Prompt-injection detector for text the copilot reads but did not write: ticket bodies, customer
// names, invoice line descriptions, payment messages, knowledge documents. It never blocks (a
// customer may well paste "ignore the previous invoice"); it flags, so the decision record says
// which text tried to steer the model, the text is fenced as data in the prompt, and a flagged
// text is never treated as a source of facts. Rules are deliberately about intent aimed at an
// assistant (override, role play, actions, exfiltration), not about single words.

export interface UntrustedText {
  /** Where the text lives, e.g. `support_tickets:<id>`, `invoice_lines:<id>`. */
  source: string;
  field: string;
  text: string;
}

export interface InjectionFlag {
  source: string;
  field: string;
  rule: string;
  /** The matched words with a little context, at most ~160 characters. */
  excerpt: string;
}

const RULES: Array<{ rule: string; re: RegExp }> = [
  {
    rule: 'override_instructions',
    re: /\b(?:ignore|disregard|forget|override|bypass|skip)\b[\s\S]{0,40}?\b(?:previous|prior|above|earlier|all|any|your|the|system|safety)\b[\s\S]{0,30}?\b(?:instructions?|prompts?|rules?|guidelines?|directions?|polic(?:y|ies)|guardrails?)\b/i,
  },
  {
    rule: 'new_instructions',
    re: /\b(?:new|updated|real|actual|hidden|secret)\s+(?:instructions?|system\s+prompt|directives?|orders)\b/i,
  },
  {
    rule: 'role_play',
    re: /\b(?:you\s+are\s+now|you(?:\s+are|'re)\s+(?:hereby\s+)?(?:authori[sz]ed|allowed|permitted|instructed)\s+to|from\s+now\s+on\s+you|act\s+as|pretend\s+(?:to\s+be|you\s+are)|developer\s+mode|DAN\b|jailbreak)/i,
  },
  {
    rule: 'fake_role_marker',
    re: /(?:^|\n|\s)(?:<\/?(?:system|assistant|instructions?)>|\[\/?INST\]|#{2,}\s*(?:system|instructions?)\b|(?:system|assistant)\s*:)/i,
  },
  {
    rule: 'money_action',
    re: /\b(?:issue|grant|give|apply|add|process|approve|send|credit|refund|pay)\b[\s\S]{0,40}?(?:[$€£¥]\s?\d|\d[\d,.]*\s?(?:USD|EUR|GBP|dollars?))[\s\S]{0,30}?\b(?:credits?|refunds?|discounts?|coupons?|back|compensation)\b|\b(?:credit|refund)\s+(?:of\s+)?[$€£¥]\s?\d/i,
  },
  {
    rule: 'skip_approval',
    re: /\b(?:without|skip(?:ping)?|bypass(?:ing)?|no\s+need\s+for)\s+(?:any\s+|the\s+)?(?:approvals?|review|confirmation|sign-?off|human)\b|\b(?:auto-?approve|pre-?approved)\b/i,
  },
  {
    rule: 'billing_action',
    re: /\b(?:mark|set|change|update|cancel|delete|void|close|upgrade|downgrade)\b[\s\S]{0,30}?\b(?:invoices?|subscriptions?|plan|account|balance|payment|ticket|limit|quota)\b[\s\S]{0,30}?\b(?:paid|void|free|zero|unlimited|enterprise|cancel(?:l?ed)?|deleted|closed)\b/i,
  },
  {
    rule: 'tell_the_user',
    re: /\b(?:tell|inform|assure|promise|respond\s+to|reply\s+to|answer)\s+(?:the\s+)?(?:user|customer|agent|support|them)\s+(?:that|with)\b/i,
  },
  {
    rule: 'exfiltration',
    re: /\b(?:reveal|print|show|output|repeat|leak|list|dump)\b[\s\S]{0,30}?\b(?:system\s+prompt|instructions|api\s+keys?|secrets?|passwords?|tokens?|other\s+customers?)\b/i,
  },
  {
    rule: 'tool_invocation',
    re: /\b(?:call|invoke|run|execute|use)\s+(?:the\s+)?(?:tool|function|api)\b|\b(?:proposeAction|draft_action|create_credit|issue_credit)\b/i,
  },
  {
    rule: 'addressed_to_model',
    re: /\b(?:AI|assistant|copilot|chatbot|language\s+model|LLM|GPT|Claude)\b[\s\S]{0,20}?\b(?:must|should|shall|will|needs?\s+to|is\s+(?:instructed|required|authori[sz]ed))\b/i,
  },
];

function excerptOf(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + length + 40);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body.slice(0, 160)}${end < text.length ? '…' : ''}`;
}

/** Every rule each text trips, in input order (one flag per rule and text). */
export function detectInjections(texts: readonly UntrustedText[]): InjectionFlag[] {
  const flags: InjectionFlag[] = [];
  for (const t of texts) {
    const text = t.text.normalize('NFKC');
    for (const { rule, re } of RULES) {
      const m = re.exec(text);
      if (m) flags.push({ source: t.source, field: t.field, rule, excerpt: excerptOf(text, m.index, m[0].length) });
    }
  }
  return flags;
}

/** Sources (`table:id`) with at least one flag. */
export function flaggedSources(flags: readonly InjectionFlag[]): Set<string> {
  return new Set(flags.map((f) => f.source));
}
