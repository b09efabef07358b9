/**
 * Browser test harness: the production build served from 127.0.0.1 (scripts/serve.js), Debian's
 * Chromium through playwright-core with a fresh profile, a record of every request, and axe-core.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'test-output');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../../scripts/serve.js') as {
  startServer(
    root?: string,
    port?: number,
  ): Promise<{ url: string; port: number; requests: string[]; close(): Promise<void> }>;
};

/** office.js opens an iframe to Microsoft's telemetry service when it starts outside Office. */
export const OFFICE_TELEMETRY_HOST = 'telemetryservice.firstpartyapps.oaspapps.com';

/** Build dist/ once if it is missing (npm run build does the same and prints the bundle sizes). */
export function ensureBuilt(): void {
  const needed = [
    'taskpane.html',
    'commands.html',
    'optimiser.worker.js',
    'session.worker.js',
    'compute.worker.js',
    'solver/highs.wasm',
    'office-js/office.js',
  ];
  if (needed.every((f) => fs.existsSync(path.join(DIST, f)))) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

export interface Session {
  url: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the pane requested (pages and workers). */
  requested: string[];
  /** Requests to other origins, which the route blocked. */
  blocked: string[];
  /** Paths the static server was asked for. */
  served: string[];
  /** Errors thrown in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer(DIST, 0);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wellenplaner-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 420, height: 900 },
    locale: 'de-DE',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const origin = new URL(server.url).origin;
  const requested: string[] = [];
  const blocked: string[] = [];
  // Every request outside the pane's own origin is aborted and recorded. The only one expected is
  // office.js's telemetry iframe (telemetryservice.firstpartyapps.oaspapps.com), which office.js
  // opens by itself when it starts outside Office: it is blocked here and is not the add-in's own.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return {
    url: server.url,
    context,
    page,
    requested,
    blocked,
    served: server.requests,
    pageErrors,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Run axe-core in the page; returns the violations (id, impact, first targets) for a readable failure. */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string | null; help: string; targets: string[]; nodes: string[] }[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // Fluent UI's focus manager (Tabster) puts focusable, aria-hidden <i data-tabster-dummy> around
    // arrow-key groups such as the TabList; they only pass focus on and must stay hidden from screen
    // readers. Known and by design (microsoft/fluentui#27517, microsoft/tabster#288); Accessibility
    // Insights suppresses exactly these nodes for aria-hidden-focus, and so do we - nothing else.
    return result.violations
      .map((v) => ({
        ...v,
        nodes:
          v.id === 'aria-hidden-focus'
            ? v.nodes.filter((n) => !/data-tabster-dummy/.test((n as unknown as { html: string }).html))
            : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        // for a readable failure: what the element is and why it fails
        nodes: v.nodes.slice(0, 3).map((n) => {
          const node = n as unknown as { html: string; failureSummary?: string };
          return `${node.html.slice(0, 160)} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`;
        }),
      }));
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** How far the page is wider than the pane (0 when nothing scrolls sideways), and its horizontal scroll. */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; scrollX: number; widest: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    // For a readable failure: the elements that stick out on the right.
    const widest = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]} ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { overflow: Math.max(0, doc.scrollWidth - width), scrollX: window.scrollX, widest };
  });
}

/** Whether the element is entirely inside the window's viewport (not only inside a scrolled box). */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  }, selector);
}

/** Clicks, waits for the download it starts, saves it as test-output/<name>; the path and the file name the pane offered. */
export async function downloadWithName(
  page: Page,
  click: () => Promise<void>,
  name: string,
): Promise<{ file: string; suggested: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = path.join(OUT, name);
  await dl.saveAs(file);
  return { file, suggested: dl.suggestedFilename() };
}

/** As downloadWithName: the saved file's path. */
export async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  return (await downloadWithName(page, click, name)).file;
}
