import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    method: 'Método', url: 'URL', headers: 'Cabeceras', header: 'Cabecera {n}', name: 'Nombre', value: 'Valor', addHeader: 'Agregar cabecera',
    body: 'Cuerpo (JSON)', timeoutMs: 'Tiempo máximo (ms)', outputs: 'Guardar de la respuesta', output: 'Valor {n}', variable: 'Variable',
    path: 'Ruta en la respuesta (ej. data.items.0.id, status)', addOutput: 'Agregar valor', tryIt: 'Probar', trying: 'Probando…',
    tryUnavailable: 'Probar no está disponible aquí', status: 'Estado {status}', failed: 'Falló: {error}', secretsHint: 'Usá {{secrets.NOMBRE}} para claves: nunca llegan al editor',
  },
  pt: {
    method: 'Método', url: 'URL', headers: 'Cabeçalhos', header: 'Cabeçalho {n}', name: 'Nome', value: 'Valor', addHeader: 'Adicionar cabeçalho',
    body: 'Corpo (JSON)', timeoutMs: 'Tempo máximo (ms)', outputs: 'Salvar da resposta', output: 'Valor {n}', variable: 'Variável',
    path: 'Caminho na resposta (ex. data.items.0.id, status)', addOutput: 'Adicionar valor', tryIt: 'Testar', trying: 'Testando…',
    tryUnavailable: 'Testar não está disponível aqui', status: 'Status {status}', failed: 'Falhou: {error}', secretsHint: 'Use {{secrets.NOME}} para chaves: nunca chegam ao editor',
  },
  en: {
    method: 'Method', url: 'URL', headers: 'Headers', header: 'Header {n}', name: 'Name', value: 'Value', addHeader: 'Add header',
    body: 'Body (JSON)', timeoutMs: 'Timeout (ms)', outputs: 'Store from the response', output: 'Value {n}', variable: 'Variable',
    path: 'Path in the response (e.g. data.items.0.id, status)', addOutput: 'Add value', tryIt: 'Try it', trying: 'Trying…',
    tryUnavailable: 'Trying is not available here', status: 'Status {status}', failed: 'Failed: {error}', secretsHint: 'Use {{secrets.NAME}} for keys: they never reach the editor',
  },
});
