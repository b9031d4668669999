// Loads Segment's browser SDK (@segment/analytics-next, its own UMD bundle) into a page in a real headless
// Chromium and sends a Video Spec session and a page call from it to Keystone's gateway, unchanged, as a web
// player would. Serves the page and the SDK's bundles itself, on another origin than the gateway's, so the
// calls are cross-origin as on a real site. Driven by AnalyticsSdkIT, which reads everything back through the
// read API; prints what the page reported as one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const gateway = new URL(process.env.KEYSTONE_HOST);
const writeKey = process.env.KEYSTONE_WRITE_KEY;
const run = process.env.KEYSTONE_RUN;
const title = process.env.KEYSTONE_TITLE;
const chromium = process.env.KEYSTONE_CHROMIUM ?? 'chromium';
const bundles = fileURLToPath(new URL('./node_modules/@segment/analytics-next/dist/umd/', import.meta.url));

const page = (origin) => `<!doctype html>
<html><head><meta charset="utf-8"><title>player</title>
<script src="/analytics-next/bundles/index.js"></script></head>
<body><script>
(async () => {
  const report = { delivered: [], errors: [] };
  try {
    const [analytics] = await AnalyticsNext.AnalyticsBrowser.load(
      { writeKey: ${JSON.stringify(writeKey)}, cdnURL: ${JSON.stringify(origin)},
        cdnSettings: { integrations: { 'Segment.io': { apiKey: ${JSON.stringify(writeKey)},
          apiHost: ${JSON.stringify(gateway.host + '/v1')}, protocol: 'http' } } } },
      { disableClientPersistence: true });
    await analytics.identify(${JSON.stringify('web-user-' + run)}, { plan: 'family' });
    const session = { session_id: ${JSON.stringify(run + '-web-s1')}, content_asset_id: ${JSON.stringify(title)} };
    for (const [event, position] of [['Video Playback Started', 0], ['Video Content Playing', 10]]) {
      const ctx = await analytics.track(event, { ...session, position });
      report.delivered.push(ctx.event.messageId);
    }
    await analytics.page('Browse', ${JSON.stringify('Browse ' + run)}, { path: '/browse' });
  } catch (error) {
    report.errors.push(String(error));
  }
  await fetch('/done', { method: 'POST', body: JSON.stringify(report) });
})();
</script></body></html>`;

const profile = mkdtempSync(join(tmpdir(), 'keystone-chromium-'));
let browser;
const finished = new Promise((resolve, reject) => {
  const server = createServer((request, response) => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    if (request.method === 'POST' && request.url === '/done') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        response.end();
        server.close();
        resolve(body);
      });
      return;
    }
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page(origin));
      return;
    }
    if (request.url.startsWith('/analytics-next/bundles/')) {
      try {
        const file = readFileSync(join(bundles, basename(request.url)));
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(file);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    response.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1', () => {
    browser = spawn(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`,
      `http://127.0.0.1:${server.address().port}/`], { stdio: ['ignore', 'ignore', 'inherit'] });
    browser.on('exit', (code) => reject(new Error(`chromium exited early with ${code}`)));
  });
  setTimeout(() => reject(new Error('the page did not report within 60 s')), 60_000).unref();
});

try {
  console.log(await finished);
} finally {
  if (browser && browser.exitCode === null) {
    browser.removeAllListeners('exit');
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    browser.kill('SIGKILL');
    await exited;
  }
  // Chromium's helper processes can still be writing the profile after the browser died; a profile left
  // behind in /tmp is no reason to fail the calls that were checked.
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    console.error(`browser profile ${profile} not removed: ${error.message}`);
  }
}
