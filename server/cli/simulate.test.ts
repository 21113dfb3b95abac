import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOpenAi } from '../../runtime/adapters/testdata/fake-openai.ts';
import { startTestServer, type TestServer } from '../../runtime/adapters/testdata/test-server.ts';
import { oracle } from '../../runtime/whatsapp/testdata/oracle.ts';

/** Configuration a developer's shell might hold, removed so each test sets exactly what it means. */
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_') && !name.startsWith('CHARLA_')),
);

/** The real command as a tester runs it, stdin piped in (async: the fake servers live in this process). */
function simulate(args: string[], stdin: string, env: Record<string, string> = {}, viaNpm = false) {
  const [command, prefix] = viaNpm ? ['npm', ['run', '-s', 'charla', '--']] : ['node_modules/.bin/tsx', ['server/cli/charla.ts']];
  const child = spawn(command, [...prefix, 'simulate', ...args], { env: { ...CLEAN_ENV, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(stdin);
  return new Promise<{ status: number | null; stdout: string; stderr: string; lines: string[]; bodies: Array<Record<string, any>> }>((resolve) => {
    child.on('close', (status) => {
      const lines = stdout.split('\n').filter((line) => line !== '');
      const bodies = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, any>);
      resolve({ status, stdout, stderr, lines, bodies });
    });
  });
}

const ORDER = [
  'hola',
  '#button:hacer_pedido',
  '#list:napolitana',
  '#button:grande',
  'Laura',
  '#form:{"direccion":"Av. Corrientes 1234","piso":"3B","forma_pago":"efectivo","horario":"ya"}',
].join('\n');

describe('npm run -s charla -- simulate', { timeout: 60_000 }, () => {
  it('shows the pizzería menu for "hola" and the promos for "2"', async () => {
    const { status, lines, bodies } = await simulate(['fixtures/flows/pizzeria.json'], 'hola\n2\n', {}, true);
    expect(status).toBe(0);
    expect(lines[0]).toBe('> hola');
    expect(lines).toContain('< [buttons] ¿En qué te podemos ayudar?');
    expect(lines).toContain('> 2');
    const menu = {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '¿En qué te podemos ayudar?' },
        action: { buttons: [
          { type: 'reply', reply: { id: 'hacer_pedido', title: 'Hacer pedido' } },
          { type: 'reply', reply: { id: 'ver_promos', title: 'Ver promos' } },
          { type: 'reply', reply: { id: 'hablar', title: 'Hablar con alguien' } },
        ] },
      },
    };
    expect(bodies.map((body) => body.type)).toEqual(['text', 'image', 'interactive', 'text', 'interactive']);
    expect(bodies[2]).toMatchObject({ to: '+5491100000000', ...menu });
    expect(bodies[3]?.text.body).toMatch(/^🔥 Promos de esta semana/);
    expect(bodies[4]).toMatchObject(menu);
  });

  describe('a full order against a price API on 127.0.0.1', () => {
    let api: TestServer;
    let dir: string;
    let flowFile: string;
    const seen: Array<{ url: string; authorization: string | undefined }> = [];

    beforeAll(async () => {
      api = await startTestServer((request, response) => {
        seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { precio: 15900, disponible: true, demora_minutos: 35 } }));
      });
      dir = mkdtempSync(join(tmpdir(), 'charla-simulate-'));
      flowFile = join(dir, 'pizzeria.json');
      const flow = readFileSync('fixtures/flows/pizzeria.json', 'utf8').replace('https://api.donpepe.example', api.origin);
      writeFileSync(flowFile, flow);
    });

    afterAll(async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('prints only Graph API bodies with --json, each valid for Meta\'s schema, with the form token filled in', async () => {
      const { status, lines, bodies, stderr } = await simulate(['--json', flowFile], ORDER, {
        CHARLA_ALLOW_PRIVATE_HTTP: '1', CHARLA_SECRET_DONPEPE_API_KEY: 'k-123',
      });
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(lines.length).toBe(bodies.length);
      const validate = oracle('Message');
      for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
      expect(bodies.map((body) => body.interactive?.type ?? body.type)).toContain('list');
      expect(bodies.find((body) => body.interactive?.type === 'flow')?.interactive.action.parameters.flow_token).toMatch(/^ft_/);
      expect(seen.at(-1)).toEqual({ url: '/precios?pizza=napolitana&tamano=grande', authorization: 'Bearer k-123' });
      expect(bodies.some((body) => /15\.?900/.test(body.text?.body ?? ''))).toBe(true);
    });

    it('refuses the private API address without CHARLA_ALLOW_PRIVATE_HTTP, and says so in the trace', async () => {
      const before = api.targets().length;
      const { lines } = await simulate([flowFile], ORDER, { CHARLA_SECRET_DONPEPE_API_KEY: 'k-123' });
      expect(lines.find((line) => line.startsWith('# trace: formulario_envio'))).toMatch(/consultar_precio \(api_call\) → error \[.*refused_address: 127\.0\.0\.1 \(loopback\)/);
      expect(api.targets().length).toBe(before);
      expect(lines).toContain('# handoff to a human (queue pedidos); type #resolve to hand it back to the bot');
    });
  });

  it('classifies with the offline classifier without a key, and with OpenAI when OPENAI_* are set', async () => {
    const input = 'hola\nmi internet anda lentísimo\n';
    const offline = await simulate(['fixtures/flows/soporte-tecnico.json'], input);
    expect(offline.lines.find((line) => line.startsWith('# trace: clasificar'))).toMatch(/→ internet_lento \[.*\(offline\)\]/);
    const fake = await startFakeOpenAi(() => ({ content: '{"intent":"facturacion","confidence":0.97}' }));
    try {
      const online = await simulate(['fixtures/flows/soporte-tecnico.json'], input, { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'modelo-x' });
      expect(online.lines.find((line) => line.startsWith('# trace: clasificar'))).toMatch(/→ facturacion \[.*\(openai\)\]/);
      expect(fake.requests.map((request) => request.body.model)).toEqual(['modelo-x']);
    } finally {
      await fake.close();
    }
  });

  it('turns #image, #location and #resolve into messages, and reports a bad line without stopping', async () => {
    const { status, lines, stderr } = await simulate(
      ['fixtures/flows/pizzeria.json'],
      'hola\n#image:mi foto\n#location:-34.6,abc\n#location:-34.6037,-58.3816\nhumano\n#resolve\n',
    );
    expect(status).toBe(0);
    expect(stderr).toBe('charla simulate: #location needs LAT,LON (numbers), got "-34.6,abc"\n');
    expect(lines).toContain('> #image:mi foto');
    expect(lines.filter((line) => line.startsWith('# trace: menu_principal (menu) [no option matches')).length).toBe(2);
    expect(lines.some((line) => line.startsWith('# handoff to a human'))).toBe(true);
    expect(lines).toContain('> #resolve');
  });

  it('travels in time with #wait: the pause, then the reminder a question\'s timeout sends with no message', async () => {
    const script = ['hola', '#wait:2s', '#button:presupuesto', '#wait:9m', '#wait:1m', '10 tornillos de 6 mm'].join('\n');
    const { status, lines } = await simulate(['fixtures/flows/ferreteria.json'], script);
    expect(status).toBe(0);
    const said = lines.filter((line) => !line.startsWith('{') && !line.startsWith('# trace') && !line.startsWith('    '));
    expect(said).toEqual([
      '> hola', '< ¡Hola Tester! Soy el asistente de Ferretería El Tornillo 🔩', '# typing… (pause of 2 s)',
      '> #wait:2s', '# ⏱ pausa → next fell due', '< [buttons] ¿En qué te ayudo?',
      '> #button:presupuesto', '< ¿Qué material necesitás? Contame medida y cantidad.',
      '> #wait:9m',
      '> #wait:1m', '# ⏱ material → timeout fell due',
      '< ¿Seguís ahí, Tester? Contame qué material necesitás y te paso el precio.',
      '< Escribime el material cuando puedas (por ejemplo: 10 tornillos de 6 mm).',
      '> 10 tornillos de 6 mm', '< Anotado: 10 tornillos de 6 mm. Un vendedor te manda el presupuesto por acá.', '< ¡Gracias por escribirnos!',
      '# conversation ended; the next message starts again', '# variables: {"material":"10 tornillos de 6 mm"}',
    ]);
  });

  it('refuses bad arguments, unreadable files (exit 2) and flows with errors (exit 1)', async () => {
    const cases: Array<[string[], number, string]> = [
      [[], 2, 'charla simulate: no flow file given'],
      [['--nope', 'x.json'], 2, 'charla simulate: unknown option --nope'],
      [['fixtures/flows/no-such.json'], 2, 'charla simulate: cannot read fixtures/flows/no-such.json (ENOENT)'],
      [['fixtures/invalid/start_node_missing.json'], 1, 'charla simulate: the flow has errors; see npm run -s charla -- validate fixtures/invalid/start_node_missing.json'],
    ];
    const runs = await Promise.all(cases.map(([args]) => simulate(args, '')));
    expect(runs.map((run) => [run.status, run.stderr.split('\n')[0]])).toEqual(cases.map(([, code, message]) => [code, message]));
  });
});
