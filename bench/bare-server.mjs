// The machine's floor for bench/latency.ts: a bare node:http server, nothing else in the process,
// that answers GET <address> with exactly the status line, headers and bytes the app sent for that
// address. Its round trip, timed with the bench's own client, is what sending those answers costs on
// this machine (client, kernel, a server process, parse) with no app and no read behind it.
// Started by the bench with an IPC channel: it says {port} when listening, takes
// {answers: [address, headers, base64 body][]} and says {ready}; it exits when the bench goes away.
import http from 'node:http';

/** @type {Map<string, { headers: Record<string, string>, body: Buffer }>} */
const answers = new Map();

const server = http.createServer((req, res) => {
  const answer = answers.get(req.url ?? '');
  if (!answer) {
    res.writeHead(404, { 'Content-Length': '0' });
    res.end();
    return;
  }
  res.writeHead(200, answer.headers);
  res.end(answer.body);
});
server.keepAliveTimeout = 5_000;

process.on('message', (message) => {
  for (const [address, headers, body] of message.answers ?? []) answers.set(address, { headers, body: Buffer.from(body, 'base64') });
  process.send?.({ ready: answers.size });
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
