import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './charla.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charla-eval-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `charla eval` in this process without a model configured, and collects what it prints. */
async function evaluate(...args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  const key = process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_API_KEY;
  try {
    return { status: await runCli(['eval', ...args]), stdout: lines.join('\n'), stderr: errors.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    if (key !== undefined) process.env.OPENAI_API_KEY = key;
  }
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('charla eval', () => {
  it('prints right entry, wrong entry and refusals per class for a Markdown knowledge base', async () => {
    const knowledge = file('faq.md', '# FAQ\n\n## Horarios\nAbrimos de lunes a sábado de 8 a 22.\n\n## Medios de pago\nAceptamos efectivo, tarjetas y Pix.\n');
    const questions = file('questions.json', [
      { question: '¿a qué hora abren el sábado?', expected: 'horarios', class: 'answerable' },
      { question: '¿puedo pagar con pix?', expected: 'medios-de-pago', class: 'answerable' },
      { question: '¿hacen descuentos a jubilados?', expected: 'medios-de-pago', class: 'answerable' },
      { question: 'escribime un poema', expected: null, class: 'off_topic' },
    ]);
    const { status, stdout } = await evaluate(knowledge, questions);
    expect(status).toBe(0);
    expect(stdout).toContain('faq.md: 2 entries, minConfidence 0.45');
    expect(stdout).toContain('answerable 3: right entry 2 (66.7%), wrong entry 0 (0.0%), refused 1 (33.3%)');
    expect(stdout).toContain('off_topic 1: refused 1 (100.0%), answered (wrong) 0 (0.0%)');
    expect(stdout).toContain('refused: "¿hacen descuentos a jubilados?" expected medios-de-pago, got refusal');
  });

  it('measures the offline intent classifier on labelled messages against an intents file, as JSON', async () => {
    const intents = file('intents.json', [
      { id: 'reservar', description: 'Reservar una mesa', examples: ['quiero reservar para 4'] },
      { id: 'carta', description: 'Ver la carta y los platos', examples: ['pasame la carta'] },
    ]);
    const labelled = file('labelled.json', [{ text: 'hay mesa para dos hoy? quiero reservar', intent: 'reservar' }, { text: 'me mandas la carta?', intent: 'carta' }]);
    const { status, stdout } = await evaluate('--json', intents, labelled);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ minConfidence: 0.6, total: 2, correct: 2 });
  });

  it('exits 2 naming the problem on a set of the wrong shape', async () => {
    const { status, stderr } = await evaluate(file('k.md', '## A\nb'), file('bad.json', [{ pregunta: 'x' }]));
    expect(status).toBe(2);
    expect(stderr).toContain('each item must be { question, expected, class } or { text, intent }');
  });
});
