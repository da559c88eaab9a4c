// The ceiling the benchmarks compare against: a bare node:http server that reads each request
// body and answers a fixed JSON entitlement answer over keep-alive — what Node.js alone can do
// on this machine with no auth, validation, cache or database. Prints "ready <port>".
import http from 'node:http';

const ANSWER = JSON.stringify({
  allowed: true,
  reason: 'within_limit',
  limit: 1000,
  remaining: 999,
  used: 1,
  resetsAt: '2026-12-31T00:00:00.000Z',
});

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
    res.end(ANSWER);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as { port: number }).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
