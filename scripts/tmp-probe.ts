import http from 'node:http';
import { startBenchWorld, percentile } from './lib/bench-world';
const world = await startBenchWorld(50);
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
function post(path: string, body: string, token?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(`${world.url}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode!)); });
    req.on('error', () => resolve(0)); req.end(body);
  });
}
async function loop(name: string, make: (i: number) => [string, string, string | undefined], conc = 16, secs = 5) {
  let n = 0; const lat: number[] = []; const statuses: Record<number, number> = {};
  const end = performance.now() + secs * 1000;
  await Promise.all(Array.from({ length: conc }, async () => { while (performance.now() < end) { const i = n++; const t = performance.now(); const s = await post(...make(i)); lat.push(performance.now() - t); statuses[s] = (statuses[s] ?? 0) + 1; } }));
  lat.sort((a, b) => a - b);
  console.log(name, { rps: Math.round(lat.length / secs), p50: percentile(lat, 50).toFixed(2), p99: percentile(lat, 99).toFixed(2), statuses });
}
const run = Date.now();
await loop('warm', (i) => ['/api/v1/usage', JSON.stringify({ idempotencyKey: `w${run}-${i}`, customerId: world.customers[i % 50]!.id, meter: 'api_calls', quantity: 1, timestamp: new Date().toISOString() }), world.token], 8, 3);
await loop('401 no token', () => ['/api/v1/usage', '{}', undefined]);
await loop('422 invalid (auth cached)', () => ['/api/v1/usage', '{"x":1}', world.token]);
await loop('single event', (i) => ['/api/v1/usage', JSON.stringify({ idempotencyKey: `s${run}-${i}`, customerId: world.customers[i % 50]!.id, meter: 'api_calls', quantity: 1, timestamp: new Date().toISOString() }), world.token]);
await loop('check', (i) => ['/api/v1/entitlements/check', JSON.stringify({ apiKey: world.customers[i % 50]!.apiKey, meter: 'api_calls' }), world.token]);
agent.destroy();
await world.stop();
