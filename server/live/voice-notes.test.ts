import type { FlowDocument } from '../../schema/index.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../runtime/adapters/testdata/fake-openai.ts';
import { testFlow } from '../../runtime/testing/test-flow.ts';
import { createLiveTestApp, PHONE_NUMBER_ID, type LiveTestApp } from '../testing/live-test-app.ts';
import { textWebhook } from '../testing/webhook-body.ts';

const CUSTOMER = '5491155550123';
const MEDIA_ID = '1037543291543636';
/** Stands for an Ogg/Opus voice note: the fake transcription model "hears" what follows the marker. */
const VOICE = Buffer.concat([Buffer.from('OggS\0\x02'), Buffer.from('dice: quiero un turno para el martes')]);
const API_KEY = 'sk-voice-test-4242';

/** The bot asks, stores the answer and reads it back: a voice note must reach the question as text. */
const flow: FlowDocument = {
  ...testFlow(
    [
      { id: 'consulta', type: 'question', data: { text: '¿En qué te ayudo?', variable: 'consulta', input: 'text' } },
      { id: 'fin', type: 'end', data: { text: 'Anotado: {{consulta}}' } },
    ],
    [['consulta', 'next', 'fin']],
    { settings: { register: 'vos' } },
  ),
  id: 'voz',
  name: 'Voz',
};

/** A voice note as Meta's webhook sends it (`type: "audio"`, `voice: true`). */
function voiceWebhook(wamid: string, mediaId = MEDIA_ID): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Sofía' }, wa_id: CUSTOMER }],
      messages: [{
        from: CUSTOMER, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'audio',
        audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'b3NtYXJ0', id: mediaId, voice: true },
      }],
    } }] }],
  });
}

async function liveApp(env: Record<string, string>): Promise<LiveTestApp> {
  const t = await createLiveTestApp(env);
  await t.publish(flow);
  const bound = await t.app.inject({ method: 'PUT', url: `/api/channels/whatsapp/${PHONE_NUMBER_ID}`, headers: t.auth(), payload: { flowId: 'voz' } });
  expect(bound.statusCode).toBeLessThan(300);
  t.graph.addMedia(MEDIA_ID, VOICE, 'audio/ogg; codecs=opus');
  return t;
}

const sentTexts = (t: LiveTestApp) => t.graph.requests.map((request) => (request.body as { text?: { body: string } }).text?.body);

describe('voice notes on the live path', () => {
  let openai: FakeOpenAi;
  let t: LiveTestApp | undefined;
  beforeAll(async () => {
    openai = await startFakeOpenAi(() => ({ status: 400, error: 'no chat in this test' }), {
      transcribe: (audio) => (audio.bytes.includes(Buffer.from('dice: ')) ? audio.bytes.subarray(audio.bytes.indexOf('dice: ') + 6).toString('utf8') : { status: 400, error: 'not audio' }),
    });
  });
  afterAll(() => openai.close());
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('with a model endpoint: downloads the audio through the Graph media endpoint, transcribes it, and the question gets the text', async () => {
    t = await liveApp({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL });
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.V1', text: 'hola' }));
    await t.settle();
    expect((await t.postWebhook(voiceWebhook('wamid.V2'))).statusCode).toBe(200);
    await t.settle();

    expect(t.graph.mediaRequests).toEqual([
      { path: `/${MEDIA_ID}`, authorization: 'Bearer test-access-token' },
      { path: `/lookaside/media/${MEDIA_ID}`, authorization: 'Bearer test-access-token' },
    ]);
    const [upload] = openai.transcriptionRequests;
    expect(upload).toMatchObject({ model: 'whisper-1', filename: 'voice-note.ogg', type: 'audio/ogg', authorization: `Bearer ${API_KEY}` });
    expect(upload!.bytes.equals(VOICE)).toBe(true);
    expect(sentTexts(t)).toEqual(['¿En qué te ayudo?', 'Anotado: quiero un turno para el martes']);
    // The message is kept as the voice note it was.
    const stored = t.rows<{ state: string }>('SELECT state FROM inbound_messages ORDER BY rowid');
    expect(stored).toEqual([{ state: 'processed' }, { state: 'processed' }]);
  });

  it('when the download fails: asks the customer to write and keeps waiting', async () => {
    t = await liveApp({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL });
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.V1', text: 'hola' }));
    await t.postWebhook(voiceWebhook('wamid.V2', '999000111'));
    await t.settle();
    expect(sentTexts(t)).toEqual(['¿En qué te ayudo?', 'Por ahora no puedo escuchar audios. ¿Me lo escribís, por favor?']);
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.V3', text: 'un turno' }));
    await t.settle();
    expect(sentTexts(t).at(-1)).toBe('Anotado: un turno');
  });

  it('offline (no model endpoint): asks the customer to write, downloading nothing', async () => {
    t = await liveApp({});
    await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: CUSTOMER, wamid: 'wamid.V1', text: 'hola' }));
    await t.postWebhook(voiceWebhook('wamid.V2'));
    await t.settle();
    expect(sentTexts(t)).toEqual(['¿En qué te ayudo?', 'Por ahora no puedo escuchar audios. ¿Me lo escribís, por favor?']);
    expect(t.graph.mediaRequests).toEqual([]);
  });
});
