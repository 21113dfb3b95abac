import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = NonNullable<Parameters<FastifyBaseLogger['child']>[1]>;
type ChildLoggerFactory = Parameters<FastifyInstance['setChildLoggerFactory']>[0];
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Fastify builds a pino child logger for every request (bindings serialised, redaction set up):
 * a few percent of a webhook's CPU, for a logger that at `warn` writes nothing on nearly every
 * request. This factory hands out a stand-in that builds the real child only when a line is
 * written at an enabled level, so what is written is unchanged.
 * @example app.setChildLoggerFactory(lazyChildLoggerFactory); // in the plugin whose routes it covers
 */
export const lazyChildLoggerFactory: ChildLoggerFactory = (logger, bindings, options) =>
  // A route with its own log level needs its level settled now.
  options.level === undefined ? new LazyChildLogger(logger, bindings, options) : logger.child(bindings, options);

class LazyChildLogger implements FastifyBaseLogger {
  private built: FastifyBaseLogger | undefined;

  constructor(private readonly parent: FastifyBaseLogger, private readonly bindings: Bindings, private readonly options: ChildOptions) {}

  get level(): string {
    return this.built?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real().level = level;
  }

  fatal(...args: unknown[]): void { this.write('fatal', args); }
  error(...args: unknown[]): void { this.write('error', args); }
  warn(...args: unknown[]): void { this.write('warn', args); }
  info(...args: unknown[]): void { this.write('info', args); }
  debug(...args: unknown[]): void { this.write('debug', args); }
  trace(...args: unknown[]): void { this.write('trace', args); }
  silent(): void {}

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.real().child(bindings, options);
  }

  private write(level: Level, args: unknown[]): void {
    if (this.built === undefined && !isLevelEnabled(this.parent, level)) return;
    (this.real()[level] as (...line: unknown[]) => void)(...args);
  }

  private real(): FastifyBaseLogger {
    this.built ??= this.parent.child(this.bindings, this.options);
    return this.built;
  }
}

/** pino answers directly; another logger is asked to write and filters on its own. */
function isLevelEnabled(logger: FastifyBaseLogger, level: Level): boolean {
  const check = (logger as FastifyBaseLogger & { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled;
  return check === undefined ? true : check.call(logger, level);
}
