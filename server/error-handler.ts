import type { FastifyError, FastifyInstance } from 'fastify';
import { errorCatalogue, type ErrorCode } from '../schema/api/errors.ts';
import { AppError } from './errors.ts';

/** Fastify's own error codes that are the client's fault, mapped into our catalogue. */
const fastifyCodes: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

/** Every error leaves as `{ code, message, ...details }` with its catalogue status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="charla"');
      return reply.status(error.statusCode).send({ ...error.details, code: error.code, message: error.message });
    }
    if (error.validation) {
      const where = error.validationContext ?? 'request';
      return reply.status(400).send({
        code: 'bad_request',
        message: `Invalid ${where}: ${error.message}`,
        errors: error.validation.map((issue) => ({ path: issue.instancePath, message: issue.message })),
      });
    }
    const mapped = error.code === undefined ? undefined : fastifyCodes[error.code];
    if (mapped) {
      return reply.status(errorCatalogue[mapped].status).send({ code: mapped, message: error.message });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal_error', message: errorCatalogue.internal_error.message });
  });
}
