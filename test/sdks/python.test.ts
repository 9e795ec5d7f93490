import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrism, type RunningPrism } from '../../src/mock/prism.js';
import { commandProbe, describeWithTools, requireTool } from '../support/system-requirements.js';

const run = promisify(execFile);
const sdkRoot = resolve('generated/sdks/python');
const specPath = resolve('generated/openapi.json');

/** Uses the generated package the way a Python team would: typed models in, a typed Cart and ApiException out. */
const consumerScript = `
import json, sys
import partner_center_cart
from partner_center_cart.models import Cart, CartUpdate, CartLineItemUpdate
from partner_center_cart.rest import ApiException

customer_id = "d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d"
cart_id = "b4c8fdea-cbe4-4d17-9576-13fcacbf9605"
configuration = partner_center_cart.Configuration(host=sys.argv[1])
configuration.access_token = "test-token"
cart_update = CartUpdate(line_items=[CartLineItemUpdate(id=0, catalog_item_id="DG7GMGF0DWTL:0001:DG7GMGF0DSJB", quantity=2, billing_cycle="monthly")])

with partner_center_cart.ApiClient(configuration) as client:
    cart = partner_center_cart.CartsApi(client).update_cart(customer_id, cart_id, cart_update)

with partner_center_cart.ApiClient(configuration, header_name="Prefer", header_value="code=404") as client:
    try:
        partner_center_cart.CartsApi(client).update_cart(customer_id, cart_id, cart_update)
        not_found = None
    except ApiException as error:
        not_found = {"type": type(error).__name__, "status": error.status, "body": json.loads(error.body)}

print(json.dumps({
    "cart": {
        "type": type(cart).__name__,
        "id": cart.id,
        "line_item_types": sorted({type(item).__name__ for item in cart.line_items}),
        "first_catalog_item_id": cart.line_items[0].catalog_item_id,
    },
    "not_found": not_found,
}))
`;

const python = requireTool({
  name: 'python3 with urllib3, python-dateutil, six and certifi',
  probes: [commandProbe('python3', ['-c', 'import urllib3, dateutil, six, certifi'])],
  install: 'apt-get install -y python3-urllib3 python3-dateutil python3-six python3-certifi',
});

describeWithTools([python], 'python SDK (generated/sdks/python)', () => {
  let prism: RunningPrism | undefined;

  beforeAll(async () => {
    if (!existsSync(resolve(sdkRoot, 'partner_center_cart')))
      throw new Error(`${sdkRoot} is missing: run \`npm run generate:sdks\` first.`);
    prism = await startPrism({ specPath });
  });

  afterAll(async () => {
    await prism?.stop();
  });

  it('imports, updates a cart against the Prism mock and raises a typed ApiException with status 404', async () => {
    if (!prism) throw new Error('Prism did not start');
    const { stdout } = await run('python3', ['-c', consumerScript, prism.url], { env: { ...process.env, PYTHONPATH: sdkRoot } });
    const result = JSON.parse(stdout) as {
      cart: { type: string; id: string; line_item_types: string[]; first_catalog_item_id: string };
      not_found: { type: string; status: number; body: { code: unknown; description: string } } | null;
    };
    expect(result.cart.type).toBe('Cart');
    expect(result.cart.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.cart.line_item_types).toEqual(['CartLineItem']);
    expect(result.cart.first_catalog_item_id).toEqual(expect.any(String));
    expect(result.not_found).toMatchObject({ type: 'ApiException', status: 404, body: { code: 800008 } });
  });
});
