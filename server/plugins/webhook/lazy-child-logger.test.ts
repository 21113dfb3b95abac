import Fastify from 'fastify';
import { Writable } from 'node:stream';
import pino from 'pino';
import { lazyChildLoggerFactory } from './lazy-child-logger.ts';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('lazyChildLoggerFactory', () => {
  it('writes enabled lines with the request bindings and skips disabled ones', () => {
    const { lines, stream } = capture();
    const parent = pino({ level: 'warn' }, stream);
    const log = lazyChildLoggerFactory.call(undefined as never, parent, { reqId: 'req-1' }, {}, undefined as never);
    log.info({ detail: 1 }, 'not written at warn');
    log.warn({ phoneNumberId: '123' }, 'no channel');
    log.child({ part: 'inner' }).error('inner failure');
    expect(log.level).toBe('warn');
    expect(lines.map(({ level, msg, reqId, phoneNumberId, part }) => ({ level, msg, reqId, phoneNumberId, part }))).toEqual([
      { level: 40, msg: 'no channel', reqId: 'req-1', phoneNumberId: '123', part: undefined },
      { level: 50, msg: 'inner failure', reqId: 'req-1', phoneNumberId: undefined, part: 'inner' },
    ]);
  });

  it('keeps Fastify request logging as it was, at info', async () => {
    const { lines, stream } = capture();
    const app = Fastify({ logger: { level: 'info', stream } });
    await app.register(async (scope) => {
      scope.setChildLoggerFactory(lazyChildLoggerFactory);
      scope.get('/ping', async (request) => {
        request.log.info('handled');
        return 'pong';
      });
    });
    expect((await app.inject({ url: '/ping' })).body).toBe('pong');
    await app.close();
    const messages = lines.filter((line) => line.reqId === 'req-1').map((line) => line.msg);
    expect(messages).toEqual(['incoming request', 'handled', 'request completed']);
  });
});
