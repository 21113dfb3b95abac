import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLiveTestApp, WABA_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { startTemplates } from '../testing/sample-templates.ts';
import { TEST_ADMIN_TOKEN } from '../testing/test-app.ts';
import { runStart } from './start.ts';

let t: LiveTestApp;
let url: string;
let folder: string;
beforeAll(async () => {
  t = await createLiveTestApp();
  t.graph.management.setTemplates(WABA_ID, startTemplates());
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  folder = mkdtempSync(join(tmpdir(), 'charla-start-'));
});
afterAll(async () => {
  await t.close();
  rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runStart(args, { out: (line) => out.push(line), err: (line) => err.push(line), env: { CHARLA_TOKEN: TEST_ADMIN_TOKEN } });
  return { status, out, err };
}

describe('charla start --csv', () => {
  it('starts each row with its variables, prints a line per row, and a rerun starts nobody twice', async () => {
    const csv = join(folder, 'clientes.csv');
    writeFileSync(csv, [
      'phone,name,pizza,pizza_id',
      '+5491155551001,Ana,Napolitana,napolitana',
      '5491155551002,"Gómez, Luis",Fugazzeta,fugazzeta',
      ',Sin número,Muzzarella,muzzarella',
    ].join('\n'));
    const args = ['--url', url, '--flow', 'pizzeria', '--csv', csv, '--template', 'pedido_pendiente', '--language', 'es_AR',
      '--param', '1={{contact.name}}', '--param', '2={{pizza}}', '--node', 'menu_tamano'];

    const first = await run(args);
    expect(first.status).toBe(1);
    expect(first.out).toEqual([
      expect.stringMatching(/^2\t\+5491155551001\tstarted\tconversation \d+$/),
      expect.stringMatching(/^3\t5491155551002\tstarted\tconversation \d+$/),
      expect.stringMatching(/^4\t\?\terror\tbad_request: /),
    ]);
    await t.settle();
    const sent = t.graph.requests.map((request) => request.body as { to: string; template: { components: Array<{ parameters: Array<{ text: string }> }> } });
    expect(sent.map((body) => [body.to, body.template.components[0]!.parameters.map((parameter) => parameter.text)])).toEqual([
      ['+5491155551001', ['Ana', 'Napolitana']],
      ['+5491155551002', ['Gómez, Luis', 'Fugazzeta']],
    ]);

    // Interrupted or not, running the same file again starts only what was not started.
    const again = await run(args);
    expect(again.out.slice(0, 2)).toEqual([
      expect.stringMatching(/^2\t\+5491155551001\talready started\t/),
      expect.stringMatching(/^3\t5491155551002\talready started\t/),
    ]);
    await t.settle();
    expect(t.graph.requests).toHaveLength(2);
  });

  it('prints, per row, the server\'s refusal of a template Meta would not send (not approved)', async () => {
    const csv = join(folder, 'promo.csv');
    writeFileSync(csv, ['phone,name', '5491155551101,Ana', '5491155551102,Luis'].join('\n'));
    const sent = t.graph.requests.length;
    const result = await run(['--url', url, '--flow', 'pizzeria', '--csv', csv, '--template', 'promo_invierno', '--language', 'es_AR']);
    expect(result.status).toBe(1);
    expect(result.out).toEqual([
      expect.stringMatching(/^2\t5491155551101\terror\tstart_template_invalid: Template "promo_invierno" \(es_AR\) cannot start a conversation .*PENDING/),
      expect.stringMatching(/^3\t5491155551102\terror\tstart_template_invalid: /),
    ]);
    await t.settle();
    expect(t.graph.requests.length).toBe(sent);
  });

  it('explains missing arguments and an unreadable file (exit 2)', async () => {
    expect((await run(['--flow', 'pizzeria'])).status).toBe(2);
    const missing = await run(['--url', url, '--flow', 'pizzeria', '--csv', join(folder, 'nada.csv'), '--template', 'x', '--language', 'es']);
    expect(missing.status).toBe(2);
    expect(missing.err[0]).toContain('cannot read');
  });
});
