// Logs in to Hawtio through the service's login form in headless Chromium, opens Camel > routes > Routes
// (every route with its state and exchange statistics) and saves a screenshot, then the route diagram of the run
// route (ROUTE, default sync-opportunities-run) as a second one. Run by ../hawtio-screenshot.sh.
import { chromium } from 'playwright-core';

const base = process.env.ORACLE_SYNC_URL ?? 'http://localhost:8080';
const user = process.env.SYNC_API_USER ?? 'admin';
const password = process.env.SYNC_API_PASSWORD;
const output = process.env.SCREENSHOT ?? 'target/hawtio-camel-routes.png';
const diagram = process.env.DIAGRAM ?? 'target/hawtio-run-route-diagram.png';
const route = process.env.ROUTE ?? 'sync-opportunities-run';
const userDataDir = process.env.CHROMIUM_USER_DATA_DIR;

if (!password) {
  console.error('Set SYNC_API_PASSWORD to the API password (the service logs a generated one at start-up)');
  process.exit(2);
}

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // tall enough for the whole routes table, which scrolls inside the page
  viewport: { width: 1400, height: 1900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const refused = [];
  page.on('response', response => {
    if (response.status() === 401 || response.status() === 403) refused.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(`${base}/actuator/hawtio/`);
  if (!page.url().endsWith('/login')) throw new Error(`expected the login form before Hawtio, got ${page.url()}`);
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(/\/actuator\/hawtio\//), page.click('button[type=submit]')]);

  await page.goto(`${base}/actuator/hawtio/camel/routes`);
  await page.getByText('sync-opportunities-store-page').first().waitFor({ timeout: 30000 });
  await page.getByText('routes', { exact: true }).first().click();
  await page.getByRole('link', { name: 'Routes', exact: true }).click();
  await page.locator('table td').filter({ hasText: /^sync-opportunities-run$/ }).first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: output });

  // the run route in the tree, then its diagram: every step drawn with the id it was given
  await page.getByText(route, { exact: true }).first().click();
  await page.getByText('Route Diagram', { exact: true }).first().click();
  // the nodes are laid out after they are measured: wait until the last one is drawn somewhere visible
  const nodes = page.locator('.react-flow__node');
  await nodes.first().waitFor({ state: 'visible', timeout: 30000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.react-flow__node')]
    .every(node => node.getBoundingClientRect().height > 0), null, { timeout: 30000 });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: diagram, fullPage: true });

  if (refused.length > 0) throw new Error(`Hawtio was refused: ${refused.join(', ')}`);
  console.log(`Logged in as ${user}; Camel routes view saved to ${output}, the diagram of ${route} to ${diagram}`);
} finally {
  await context.close();
}
