import { request } from 'undici';

/** A voice note or other media a customer sent, downloaded. */
export interface DownloadedMedia {
  bytes: Uint8Array;
  mimeType: string;
}

/** WhatsApp media is at most 16 MB (audio), 100 MB documents: this path only downloads audio. */
const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

export class MediaDownloadError extends Error {
  override name = 'MediaDownloadError';
}

/**
 * Downloads a customer's media as Meta documents it: `GET /{media-id}` with the channel's token gives
 * `{ url, mime_type, sha256, file_size, id }`, then `GET url` with the same token gives the bytes (the
 * URL lasts 5 minutes). Throws a MediaDownloadError naming the step and the HTTP status, never the
 * token or the URL.
 * @example const { bytes, mimeType } = await downloadMedia(graphUrl, token, '1037543291543636', 10_000)
 */
export async function downloadMedia(graphUrl: string, accessToken: string, mediaId: string, timeoutMs: number): Promise<DownloadedMedia> {
  const headers = { authorization: `Bearer ${accessToken}` };
  const options = { headers, headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
  const described = await request(`${graphUrl}/${encodeURIComponent(mediaId)}`, options);
  const info = await described.body.json().catch(() => undefined) as { url?: unknown; mime_type?: unknown; file_size?: unknown } | undefined;
  if (described.statusCode !== 200 || typeof info?.url !== 'string') {
    throw new MediaDownloadError(`media ${mediaId}: Graph answered HTTP ${described.statusCode} without a url`);
  }
  if (Number(info.file_size) > MAX_MEDIA_BYTES) throw new MediaDownloadError(`media ${mediaId}: ${String(info.file_size)} bytes is over ${MAX_MEDIA_BYTES}`);
  if (!/^https?:\/\//.test(info.url)) throw new MediaDownloadError(`media ${mediaId}: the url is not http(s)`);
  const file = await request(info.url, options);
  if (file.statusCode !== 200) {
    await file.body.dump();
    throw new MediaDownloadError(`media ${mediaId}: the download answered HTTP ${file.statusCode}`);
  }
  const bytes = new Uint8Array(await file.body.arrayBuffer());
  if (bytes.byteLength > MAX_MEDIA_BYTES) throw new MediaDownloadError(`media ${mediaId}: over ${MAX_MEDIA_BYTES} bytes`);
  const mimeType = typeof info.mime_type === 'string' ? info.mime_type : String(file.headers['content-type'] ?? 'application/octet-stream');
  return { bytes, mimeType };
}
