import { Agent, request } from 'undici';

export type GraphSendResult =
  | { ok: true; wamid: string | null }
  /** `uncertain`: the request may have reached Meta (written, then no answer): it may have been sent. */
  | { ok: false; code: number | null; httpStatus: number | null; message: string; uncertain?: true };

/**
 * undici errors raised after the request was written: Meta may have accepted the message. Errors
 * before (refused connection, connect timeout, DNS) mean it was not sent and are safe to retry.
 */
const ANSWER_LOST = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_ABORTED', 'ECONNRESET', 'EPIPE']);

/**
 * POSTs message bodies to `${graphUrl}/${phoneNumberId}/messages` over kept-alive connections.
 * Never throws: network errors and timeouts come back as failures without an HTTP status.
 * @example await client.send('106540352242922', token, JSON.stringify(body)) // { ok: true, wamid: 'wamid.…' }
 */
export class GraphClient {
  private readonly agent: Agent;

  constructor(private readonly graphUrl: string, timeoutMs: number) {
    this.agent = new Agent({ connections: 64, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 30_000 });
  }

  async send(phoneNumberId: string, accessToken: string, body: string): Promise<GraphSendResult> {
    try {
      const response = await request(`${this.graphUrl}/${encodeURIComponent(phoneNumberId)}/messages`, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body,
      });
      const text = await response.body.text();
      const json = parseJson(text);
      if (response.statusCode >= 200 && response.statusCode < 300) {
        const id = (json as { messages?: Array<{ id?: unknown }> } | undefined)?.messages?.[0]?.id;
        return { ok: true, wamid: typeof id === 'string' ? id : null };
      }
      const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      return {
        ok: false,
        code: typeof error?.code === 'number' ? error.code : null,
        httpStatus: response.statusCode,
        message: typeof error?.message === 'string' ? error.message : `HTTP ${response.statusCode}`,
      };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message = `network: ${(error as Error).message}`;
      return typeof code === 'string' && ANSWER_LOST.has(code)
        ? { ok: false, code: null, httpStatus: null, message, uncertain: true }
        : { ok: false, code: null, httpStatus: null, message };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
