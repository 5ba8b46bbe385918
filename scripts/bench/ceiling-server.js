// The ceiling to compare with: this machine's plain Node `http` server answering a fixed HTML
// page (the file given) with no framework, session or database. Started by the bench in its own
// process, as the app's server is, so it does not share an event loop with autocannon.
//   node scripts/bench/ceiling-server.js <port> <html file>
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [port, file] = process.argv.slice(2);
const html = readFileSync(file);
http
	.createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html', 'content-length': html.length, 'cache-control': 'no-store' });
		res.end(html);
	})
	.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
