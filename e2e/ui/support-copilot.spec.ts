import { expect, test, type APIRequestContext } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

// Support's customer page and copilot in the browser: the parallel cards load, support asks
// "why is my invoice higher this month?" and gets the built-in answer (the e2e server has no
// model) whose figures are the invoices' own, with its source cited; then the answer is inserted
// into a ticket as a draft note and a person confirms it.

const usd = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

interface Detail {
  id: string;
  name: string;
  invoices: Array<{ number: string | null; total: number; status: string }>;
  tickets: Array<{ id: string; subject: string }>;
}

async function customers(request: APIRequestContext): Promise<Detail[]> {
  const { items } = await (await request.get('/api/v1/customers?limit=50')).json();
  return Promise.all(items.map(async (c: { id: string }) => (await request.get(`/api/v1/customers/${c.id}`)).json()));
}
const billed = (d: Detail) => d.invoices.filter((i) => i.status !== 'void');

test.use({ storageState: storageStateFor('support') });

test('asks why the invoice is higher and gets an answer whose figures are the invoices’ own', async ({
  page,
  request,
}) => {
  const target = (await customers(request)).find(
    (d) => billed(d).length >= 2 && billed(d)[0].total !== billed(d)[1].total,
  );
  if (!target) throw new Error('no seeded customer whose invoice total changed');
  const [latest, previous] = billed(target);

  await page.goto(`/customers/${target.id}`);
  // Every card loads on its own (in parallel) and shows its data, not a skeleton or an error. The
  // first page of a cold server on a busy machine can take longer than the default 10 s.
  await expect(page.getByTestId('estimated-total')).toHaveText(/^\$[\d,]+\.\d{2}$/, { timeout: 30_000 });
  await expect(page.getByTestId('payments-card')).toContainText(/Paid|Declined|No payment attempts/);
  await expect(page.getByTestId('pending-actions-card')).toContainText(/Nothing waiting|drafted/);
  await expect(page.getByTestId('api-errors-card')).toContainText(/metered request|requests failed/);
  await expect(page.getByTestId('tickets-card')).toContainText(/Opened|No tickets/);
  await expect(page.getByTestId('card-error')).toHaveCount(0);

  const panel = page.getByTestId('copilot-panel');
  await panel.getByLabel('Question for the copilot').fill('why is my invoice higher this month?');
  await panel.getByRole('button', { name: 'Ask' }).click();

  const answer = panel.getByTestId('copilot-answer');
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('Built-in answer');
  await expect(answer.getByTestId('copilot-grounding')).toContainText('Every figure checked against the data');
  await expect(answer).toContainText(usd(latest.total));
  await expect(answer).toContainText(usd(previous.total));
  await expect(answer).toContainText(
    latest.total > previous.total ? 'more than the previous invoice' : 'less than the previous invoice',
  );
  await expect(answer.getByTestId('copilot-citations')).toContainText(`Invoice ${latest.number}`);

  // A follow-up continues the same conversation.
  await panel.getByLabel('Question for the copilot').fill('Did any payment fail?');
  await panel.getByRole('button', { name: 'Ask' }).click();
  await expect(panel.getByTestId('copilot-answer')).toHaveCount(2);
  await expect(panel.getByTestId('copilot-answer').nth(1)).toContainText(/delinquent/);
});

test('inserts an answer into a ticket as a draft note that a person confirms', async ({ page, request }) => {
  const target = (await customers(request)).find((d) => d.tickets.length > 0 && billed(d).length >= 1);
  if (!target) throw new Error('no seeded customer with a ticket');
  await page.goto(`/customers/${target.id}`);
  const panel = page.getByTestId('copilot-panel');
  await panel.getByRole('button', { name: 'Why is my invoice higher this month?' }).click();
  const answer = panel.getByTestId('copilot-answer');
  await expect(answer).toBeVisible();
  await answer.getByRole('button', { name: 'Insert into ticket' }).click();
  await expect(answer.getByTestId('note-drafted')).toBeVisible();

  const tickets = page.getByTestId('tickets-card');
  const draft = tickets.getByTestId('ticket-note-draft');
  await expect(draft).toContainText('Draft note — not on the ticket until confirmed');
  await draft.getByRole('button', { name: 'Confirm note' }).click();
  await expect(tickets.getByTestId('ticket-note-confirmed').last()).toContainText('Invoice');
  await expect(tickets.getByTestId('ticket-note-draft')).toHaveCount(0);
});
