// Baseline: the least a Node process can do to answer /healthz. Whatever Sanxiang costs above
// this is the price of Fastify, TypeScript through tsx, PGlite and the application itself.
import http from 'node:http';

const server = http.createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  response.writeHead(404).end();
});

// Same shutdown contract as `sanxiang serve`: finish what is in flight, then exit 0.
process.once('SIGTERM', () => server.close(() => process.exit(0)));
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
