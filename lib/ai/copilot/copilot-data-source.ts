import type { CopilotFacts } from './copilot-facts';
import type { ToolOutput } from './tool-outputs';

// What the copilot may read, already scoped to ONE customer by whoever builds it (the server
// builds it for the customer page in view). No method takes a customer id and none writes: the
// tools cannot reach another customer or change anything, whatever a model asks for.
export interface CopilotDataSource {
  customer: { id: string; name: string };
  currency: string;
  subscription(f: CopilotFacts): Promise<ToolOutput>;
  usage(f: CopilotFacts): Promise<ToolOutput>;
  invoices(f: CopilotFacts): Promise<ToolOutput>;
  /** The latest invoice when no id is given; an id of another customer's invoice is not found. */
  explainInvoice(f: CopilotFacts, invoiceId?: string): Promise<ToolOutput>;
  payments(f: CopilotFacts): Promise<ToolOutput>;
  apiErrors(f: CopilotFacts, days?: number): Promise<ToolOutput>;
  tickets(f: CopilotFacts): Promise<ToolOutput>;
  searchKnowledge(f: CopilotFacts, query: string): Promise<ToolOutput>;
}

export type CopilotToolName =
  | 'get_subscription'
  | 'get_usage'
  | 'list_invoices'
  | 'explain_invoice'
  | 'get_payments'
  | 'get_api_errors'
  | 'get_tickets'
  | 'search_knowledge';

export interface CopilotToolCall {
  name: CopilotToolName;
  args: Record<string, unknown>;
  /** The view the model (or the built-in answer) read; an error message when the tool failed. */
  result: unknown;
  error: string | null;
}
