/**
 * Every reason an adapter reports instead of throwing. An HTTP failure's
 * `reason` reads `<code>: <detail>`; intent failures are `openai-error: <code>…`.
 * Details never hold a URL, header or body: those may carry secrets.
 */
export const ADAPTER_ERRORS = {
  bad_url: 'the URL is not valid',
  not_http: 'only http and https URLs are allowed',
  refused_address: 'the address is loopback, private, link-local or otherwise not public',
  timeout: 'no complete answer in time',
  too_large: 'the response is larger than allowed',
  too_many_redirects: 'the server redirected too many times',
  dns: 'the host name could not be resolved',
  network: 'the connection failed',
  bad_request: 'the request could not be sent (invalid headers or body)',
  http_status: 'the server answered with a non-2xx status',
  bad_answer: 'the model answered something other than the asked shape (an intent, or an answer citing entries)',
} as const;

export type AdapterErrorCode = keyof typeof ADAPTER_ERRORS;

/** An expected failure inside an adapter, turned into `{ ok: false, reason }` at its edge. */
export class AdapterFailure extends Error {
  override name = 'AdapterFailure';

  constructor(readonly code: AdapterErrorCode, readonly detail?: string, readonly status?: number) {
    super(`${code}: ${detail ?? ADAPTER_ERRORS[code]}`);
  }
}
