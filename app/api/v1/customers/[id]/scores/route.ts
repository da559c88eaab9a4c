// GET /api/v1/customers/:id/scores — the customer's latest scorecards (factors and contributions) and their history (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { customerScoresResponse } from '@/lib/schemas/scores';
import { getCustomerScores } from '@/lib/server/scores/get-customer-scores';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: customerScoresResponse },
  handler: ({ params }) => getCustomerScores(params.id),
});
