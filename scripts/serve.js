/**
 * A tiny static file server for dist/ on 127.0.0.1 (plain http), used by the browser tests.
 * `node scripts/serve.js [dir] [port]` serves until killed; tests call startServer() and close it.
 * Port 0 (the default) picks a free random port.
 */
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** @returns {Promise<{ url: string, port: number, requests: string[], close: () => Promise<void> }>} */
function startServer(root = path.resolve(__dirname, '..', 'dist'), port = 0) {
  const base = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    requests.push(urlPath);
    const file = path.resolve(base, '.' + (urlPath.endsWith('/') ? urlPath + 'taskpane.html' : urlPath));
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Nicht gefunden');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        requests,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

module.exports = { startServer };

if (require.main === module) {
  const [dir, port] = process.argv.slice(2);
  startServer(dir ? path.resolve(dir) : undefined, port ? Number(port) : 0).then((s) => {
    console.log(`dist/ unter ${s.url}`);
  });
}
