import type { KnowledgeEntry } from '../../schema/index.ts';
import { answerOffline } from '../adapters/knowledge-offline.ts';
import { conversation } from '../testing/conversation.ts';
import { testFlow } from '../testing/test-flow.ts';
import { memoryPorts } from './memory-ports.ts';
import type { InboundEvent, RuntimePorts } from './types.ts';

const knowledge: KnowledgeEntry[] = [
  { id: 'horarios', title: 'Horarios', text: 'Abrimos de lunes a sábado de 8 a 22 y los domingos de 9 a 14.' },
];
const voiceNote: InboundEvent = { type: 'media', media: 'audio', mediaId: 'media-voz-1', mimeType: 'audio/ogg; codecs=opus' };

function answerFlow(language?: string, register?: 'vos') {
  return testFlow(
    [
      { id: 'pregunta', type: 'question', data: { text: '¿Qué querés saber?', variable: 'consulta', input: 'text' } },
      { id: 'responder', type: 'ai_answer', data: {} },
      { id: 'listo', type: 'end', data: { text: '¿Algo más?' } },
      { id: 'humano', type: 'handoff', data: { text: 'Te paso con una persona.' } },
    ],
    [['pregunta', 'next', 'responder'], ['responder', 'answered', 'listo'], ['responder', 'unknown', 'humano']],
    { knowledge, ...(language === undefined ? {} : { language }), ...(register === undefined ? {} : { settings: { register } }) },
  );
}

const hearing = (said: string | Error) => {
  const heard: Array<{ mediaId: string; mimeType?: string }> = [];
  const ports: RuntimePorts = {
    ...memoryPorts({ answerFromKnowledge: answerOffline }),
    async transcribeAudio(audio) {
      heard.push(audio);
      if (said instanceof Error) throw said;
      return said;
    },
  };
  return { ports, heard };
};

describe('voice notes', () => {
  it('with transcription: a voice note reaches the question and the AI answer as the text it says', async () => {
    const { ports, heard } = hearing('  ¿abren los domingos?  ');
    const chat = conversation(answerFlow(), { ports });
    await chat.send('hola');
    const turn = await chat.send(voiceNote);
    expect(heard).toEqual([{ mediaId: 'media-voz-1', mimeType: 'audio/ogg; codecs=opus' }]);
    expect(turn.session.variables.consulta).toBe('¿abren los domingos?');
    expect(turn.messages[0]).toEqual({ type: 'text', text: knowledge[0]!.text });
    expect(turn.trace.find((entry) => entry.nodeId === 'responder')).toMatchObject({ output: 'answered', cited: [{ id: 'horarios' }] });
  });

  it.each([
    ['es (vos)', 'es-AR', 'vos', 'Por ahora no puedo escuchar audios. ¿Me lo escribís, por favor?'],
    ['es (tú)', 'es', undefined, 'Por ahora no puedo escuchar audios. ¿Me lo escribes, por favor?'],
    ['pt', 'pt-BR', undefined, 'Por enquanto não consigo ouvir áudios. Pode me escrever, por favor?'],
    ['en', 'en', undefined, "I can't listen to voice notes yet. Could you type it, please?"],
  ] as const)('offline, the bot asks the customer to write (%s) and keeps waiting', async (_label, language, register, asked) => {
    const chat = conversation(answerFlow(language, register), { ports: memoryPorts() });
    await chat.send('hola');
    const turn = await chat.send(voiceNote);
    expect(turn.messages).toEqual([{ type: 'text', text: asked }]);
    expect(turn.session.nodeId).toBe('pregunta');
    expect(turn.session.retries ?? 0).toBe(0);
    expect(turn.trace).toEqual([{ nodeId: 'pregunta', type: 'question', detail: 'voice notes cannot be transcribed (no model endpoint): asked to write' }]);
    // Writing then works as usual.
    expect((await chat.send('¿abren los domingos?')).session.variables.consulta).toBe('¿abren los domingos?');
  });

  it('asks to write when transcription fails or hears nothing, naming why in the trace', async () => {
    for (const [said, why] of [[new Error('media download: HTTP 404'), 'voice note not transcribed: media download: HTTP 404'], ['  ', 'the voice note says nothing']] as const) {
      const chat = conversation(answerFlow(), { ports: hearing(said).ports });
      await chat.send('hola');
      const turn = await chat.send(voiceNote);
      expect(turn.messages).toEqual([{ type: 'text', text: 'Por ahora no puedo escuchar audios. ¿Me lo escribes, por favor?' }]);
      expect(turn.trace[0]!.detail).toBe(`${why}: asked to write`);
    }
  });

  it('leaves audio alone where no words are awaited: a menu gets it as media, as before', async () => {
    const { ports, heard } = hearing('uno');
    const flow = testFlow(
      [{ id: 'menu', type: 'menu', data: { text: 'Elegí', options: [{ id: 'uno', title: 'Uno' }, { id: 'dos', title: 'Dos' }] } }, { id: 'fin', type: 'end', data: {} }],
      [['menu', 'uno', 'fin'], ['menu', 'dos', 'fin']],
    );
    const chat = conversation(flow, { ports });
    await chat.send('hola');
    await chat.send(voiceNote);
    expect(heard).toEqual([]);
  });
});
