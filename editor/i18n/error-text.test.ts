import { errorCatalogue } from '../../schema/api/errors.ts';
import { ApiError, clientErrorCodes } from '../api/api-error.ts';
import { errorMessages } from './error-messages.ts';
import { errorSummary } from './error-summary.ts';
import { errorText } from './error-text.ts';
import { LOCALES } from './index.ts';

/** The webhook's own codes: only Meta calls the webhook, never the editor. */
const WEBHOOK_ONLY = ['not_a_webhook', 'invalid_signature', 'verification_failed'];

describe('error messages', () => {
  it('word every server code the editor can meet and the client\'s own, in every language', () => {
    const expected = [...Object.keys(errorCatalogue).filter((code) => !WEBHOOK_ONLY.includes(code)), ...Object.keys(clientErrorCodes), 'http_error'];
    for (const locale of LOCALES) expect(Object.keys(errorMessages[locale]).sort()).toEqual(expected.sort());
  });

  it('fill their params from the answer: counts of problems, versions, revisions, status', () => {
    const problems = [{ severity: 'error', message: 'a' }, { severity: 'error', message: 'b' }, { severity: 'warning', message: 'c' }];
    expect(errorText(new ApiError(422, 'publish_blocked', 'The draft of "x" has 2 error(s)', { problems }), 'es'))
      .toBe('El borrador tiene errores (2): corregilos antes de publicar.');
    expect(errorText(new ApiError(409, 'revision_conflict', 'The draft is at revision 7', { currentRevision: 7 }), 'pt'))
      .toBe('Outra pessoa alterou o rascunho (agora na revisão 7): recarregue-o e tente de novo.');
    expect(errorText(new ApiError(502, 'http_502', 'Bad Gateway'), 'en')).toBe('The server answered with an error (HTTP 502).');
  });

  it("fall back to the server's message only for a code they do not know", () => {
    expect(errorText(new ApiError(400, 'something_new', 'A new kind of failure'), 'es')).toBe('A new kind of failure');
    expect(errorText(new TypeError('boom'), 'es')).toBe('boom');
  });

  it('summarize a 422 with its problems, errors first, each node named', () => {
    const failure = new ApiError(422, 'flow_invalid', 'The document breaks the flow JSON Schema', { problems: [
      { severity: 'warning', code: 'dead_end', message: 'La salida «Siguiente» no lleva a ningún nodo.', nodeId: 'hola', pointer: '/nodes/0' },
      { severity: 'error', code: 'missing_field', message: 'Falta un dato obligatorio: la versión de formato.', pointer: '/schemaVersion' },
      { severity: 'error', code: 'message_empty', message: 'El mensaje no tiene texto ni archivo: no enviaría nada.', nodeId: 'hola', pointer: '/nodes/0/data/text' },
    ] });
    expect(errorSummary(failure, 'es', 2)).toBe('El documento no cumple el formato de flujos de Charla (errores: 2). '
      + 'Falta un dato obligatorio: la versión de formato. «hola»: El mensaje no tiene texto ni archivo: no enviaría nada. (+1)');
  });
});
