/**
 * Starts the real server for the crash test and the webhook benchmark: configuration from the
 * environment (PORT=0 picks a free port), JSON log lines on stdout, and one line
 * `{"listening":"http://127.0.0.1:PORT"}` once it accepts requests. Run with `tsx`.
 */
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

const config = loadConfig(process.env);
const app = await buildApp({ config, logger: { level: process.env.CHARLA_LOG_LEVEL ?? 'info' } });
const url = await app.listen({ host: config.host, port: config.port });
process.stdout.write(`${JSON.stringify({ listening: url })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
