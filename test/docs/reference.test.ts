import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildReference } from '../../scripts/build-docs.js';
import { BUNDLED_SPEC } from '../../scripts/paths.js';
import { isObject, resolveRef, type Json } from '../../scripts/diff/json-pointer.js';
import { chromiumTool, launchChromium } from '../support/chromium.js';
import { describeWithTools } from '../support/system-requirements.js';

const cartPath = '/v1/customers/{customer-id}/carts/{cart-id}';
const errorStatuses = ['400', '401', '403', '404', '409', '429', '500', '503'];
const screenshotPath = resolve('test-results/reference.png');

interface Operation {
  operationId: string;
  summary: string;
}

/** The first catalogItemId in the PUT request body's examples, to look for in the rendered sample. */
function exampleCatalogItemId(spec: Json, put: Json | undefined): string {
  const requestBody = isObject(put) ? resolveRef(spec, put.requestBody).node : undefined;
  const content = isObject(requestBody) && isObject(requestBody.content) ? Object.values(requestBody.content) : [];
  const examples = content.flatMap((media) => (isObject(media) && isObject(media.examples) ? Object.values(media.examples) : []));
  const text = JSON.stringify(examples.map((example) => resolveRef(spec, example).node));
  const match = /"catalogItemId":"([^"]+)"/.exec(text);
  if (!match?.[1]) throw new Error('The PUT request examples carry no catalogItemId; the test needs one to look for.');
  return match[1];
}

describeWithTools([chromiumTool], 'rendered reference (generated/reference.html) in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let workDir: string;
  let spec: Json;
  let operations: Record<string, Operation>;
  const outsideRequests: string[] = [];

  // Redoc nests two elements with the operation's id; the inner one holds the operation.
  const operationSection = (method: 'get' | 'put'): Locator => page.locator(`[id="operation/${operations[method]?.operationId}"]`).last();

  beforeAll(async () => {
    await mkdir(resolve('test-results'), { recursive: true });
    spec = JSON.parse(await readFile(BUNDLED_SPEC, 'utf8')) as Json;
    operations = (spec as unknown as { paths: Record<string, Record<string, Operation>> }).paths[cartPath] ?? {};
    workDir = await mkdtemp(join(tmpdir(), 'reference-'));
    const htmlPath = await buildReference(BUNDLED_SPEC, join(workDir, 'reference.html'));

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(() => {
      const refused: string[] = [];
      Object.assign(window, { refusedByPolicy: refused });
      document.addEventListener('securitypolicyviolation', (event) => refused.push(event.blockedURI));
    });
    page.on('request', (request) => {
      if (!/^(file|data|blob):/.test(request.url())) outsideRequests.push(request.url());
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outsideRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await page.goto(pathToFileURL(htmlPath).href);
    await page.locator('.api-content').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('renders the GET and PUT operations with their summaries', async () => {
    for (const method of ['get', 'put'] as const) {
      const summary = operations[method]?.summary;
      expect(summary, `${method.toUpperCase()} ${cartPath} has a summary in the spec`).toBeTruthy();
      await expect(operationSection(method).locator('h2', { hasText: summary }).isVisible()).resolves.toBe(true);
    }
  });

  it('renders the Cart schema with its line item properties', async () => {
    const put = operationSection('put');
    const lineItems = put.getByText('lineItems', { exact: true }).first();
    await expect(lineItems.isVisible()).resolves.toBe(true);
    await lineItems.click();
    for (const property of ['catalogItemId', 'quantity', 'billingCycle']) {
      await expect(put.getByText(property, { exact: true }).first().isVisible(), property).resolves.toBe(true);
    }
  });

  it('renders every error response of PUT', async () => {
    const put = operationSection('put');
    for (const status of errorStatuses) {
      await expect(put.getByRole('button', { name: new RegExp(`^${status}\\b`) }).count(), `response ${status}`).resolves.toBeGreaterThan(
        0,
      );
    }
  });

  it('renders the request example values', async () => {
    const pathItem = isObject(spec) && isObject(spec.paths) ? spec.paths[cartPath] : undefined;
    const catalogItemId = exampleCatalogItemId(spec, isObject(pathItem) ? pathItem.put : undefined);
    // .redoc-json is Redoc's rendered sample; the same id also appears in prose descriptions.
    const sample = operationSection('put').locator('.redoc-json').getByText(catalogItemId).first();
    await expect(sample.isVisible()).resolves.toBe(true);
  });

  it('requests nothing from outside the file', async () => {
    await page.screenshot({ path: screenshotPath });
    expect(outsideRequests).toEqual([]);
    const refused = await page.evaluate(() => (window as unknown as { refusedByPolicy: string[] }).refusedByPolicy);
    expect(refused).toEqual([]);
  });
});
