import { toFile } from 'openai';
import { AdapterFailure } from './errors.ts';
import { describeOpenAiError, openAiClient, type OpenAiOptions } from './openai-client.ts';

/** The transcription model used when OPENAI_TRANSCRIPTION_MODEL is not set. */
export const DEFAULT_TRANSCRIPTION_MODEL = 'whisper-1';

/** A file name the endpoint can tell the format by: WhatsApp voice notes are Ogg/Opus. */
const EXTENSIONS: Record<string, string> = { 'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/aac': 'aac', 'audio/amr': 'amr', 'audio/wav': 'wav', 'audio/webm': 'webm' };

/**
 * Transcribes audio on an OpenAI-compatible `POST /audio/transcriptions` (multipart: `file`, `model`,
 * `response_format: json` → `{ text }`), temperature 0. Throws an Error naming what went wrong
 * (`transcription: timeout: …`, `transcription: http_status: HTTP 500`), never the key.
 * @example await createOpenAiTranscriber({ apiKey, model: 'gpt-4o-mini' })({ bytes, mimeType: 'audio/ogg; codecs=opus' }) // '¿abren el domingo?'
 */
export function createOpenAiTranscriber(options: OpenAiOptions & { transcriptionModel?: string }) {
  // Speech takes longer than a classification: at least 20 s.
  const { client, timeoutMs } = openAiClient({ ...options, timeoutMs: Math.max(options.timeoutMs ?? 0, 20_000) });
  const model = options.transcriptionModel ?? DEFAULT_TRANSCRIPTION_MODEL;
  return async (audio: { bytes: Uint8Array; mimeType: string }): Promise<string> => {
    const type = audio.mimeType.split(';')[0]!.trim().toLowerCase();
    const file = await toFile(audio.bytes, `voice-note.${EXTENSIONS[type] ?? 'ogg'}`, { type });
    try {
      const transcription = await client.audio.transcriptions.create({ file, model, response_format: 'json', temperature: 0 });
      if (typeof transcription.text !== 'string') throw new AdapterFailure('bad_answer', 'no text in the transcription');
      return transcription.text;
    } catch (error) {
      throw new Error(`transcription: ${describeOpenAiError(error, timeoutMs)}`);
    }
  };
}
