import type { NodeData, NodeKind } from '../../schema/index.ts';
import { defineMessages, useT } from '../i18n/index.ts';

type DataKey = { [K in NodeKind]: keyof NodeData<K> & string }[NodeKind];
/** The paths the server's diff names for a changed node (server/flows/diff-flows.ts): every one has a word. */
type NodeFieldPath = 'type' | 'label' | 'position' | 'data' | `data.${DataKey}`;

const es = {
  type: 'tipo de bloque', label: 'nombre', position: 'posición', data: 'contenido',
  'data.text': 'texto', 'data.media': 'adjunto', 'data.options': 'opciones', 'data.header': 'encabezado', 'data.footer': 'pie',
  'data.listButton': 'botón de la lista', 'data.invalidText': 'texto si la respuesta no es válida', 'data.maxRetries': 'reintentos',
  'data.variable': 'variable', 'data.input': 'tipo de respuesta', 'data.pattern': 'patrón', 'data.min': 'mínimo', 'data.max': 'máximo',
  'data.earliest': 'primera fecha', 'data.latest': 'última fecha', 'data.futureOnly': 'solo fechas futuras',
  'data.branches': 'ramas', 'data.assignments': 'asignaciones', 'data.intents': 'intenciones', 'data.minConfidence': 'confianza mínima',
  'data.method': 'método', 'data.url': 'URL', 'data.headers': 'cabeceras', 'data.body': 'cuerpo', 'data.timeoutMs': 'tiempo de espera',
  'data.outputs': 'variables de salida', 'data.cta': 'botón', 'data.flowJson': 'pantallas', 'data.flowId': 'ID del Flow',
  'data.screen': 'primera pantalla', 'data.queue': 'cola', 'data.note': 'nota',
  'data.timeoutSeconds': 'espera de la respuesta', 'data.businessHoursOnly': 'solo en horario', 'data.unansweredSeconds': 'espera de un agente', 'data.seconds': 'pausa',
  // The flow's own fields (the diff's `fields`).
  name: 'nombre del flujo', description: 'descripción', language: 'idioma', startNodeId: 'bloque de inicio', variables: 'variables', settings: 'ajustes',
} satisfies Record<NodeFieldPath, string> & Record<string, string>;

const messages = defineMessages({
  es,
  pt: {
    type: 'tipo de bloco', label: 'nome', position: 'posição', data: 'conteúdo',
    'data.text': 'texto', 'data.media': 'anexo', 'data.options': 'opções', 'data.header': 'cabeçalho', 'data.footer': 'rodapé',
    'data.listButton': 'botão da lista', 'data.invalidText': 'texto se a resposta não for válida', 'data.maxRetries': 'tentativas',
    'data.variable': 'variável', 'data.input': 'tipo de resposta', 'data.pattern': 'padrão', 'data.min': 'mínimo', 'data.max': 'máximo',
    'data.earliest': 'primeira data', 'data.latest': 'última data', 'data.futureOnly': 'só datas futuras',
    'data.branches': 'ramos', 'data.assignments': 'atribuições', 'data.intents': 'intenções', 'data.minConfidence': 'confiança mínima',
    'data.method': 'método', 'data.url': 'URL', 'data.headers': 'cabeçalhos HTTP', 'data.body': 'corpo', 'data.timeoutMs': 'tempo limite',
    'data.outputs': 'variáveis de saída', 'data.cta': 'botão', 'data.flowJson': 'telas', 'data.flowId': 'ID do Flow',
    'data.screen': 'primeira tela', 'data.queue': 'fila', 'data.note': 'nota',
    'data.timeoutSeconds': 'espera da resposta', 'data.businessHoursOnly': 'só no horário', 'data.unansweredSeconds': 'espera de um agente', 'data.seconds': 'pausa',
    name: 'nome do fluxo', description: 'descrição', language: 'idioma', startNodeId: 'bloco de início', variables: 'variáveis', settings: 'configurações',
  },
  en: {
    type: 'block type', label: 'name', position: 'position', data: 'content',
    'data.text': 'text', 'data.media': 'attachment', 'data.options': 'options', 'data.header': 'header', 'data.footer': 'footer',
    'data.listButton': 'list button', 'data.invalidText': 'text when the answer is not valid', 'data.maxRetries': 'retries',
    'data.variable': 'variable', 'data.input': 'answer type', 'data.pattern': 'pattern', 'data.min': 'minimum', 'data.max': 'maximum',
    'data.earliest': 'earliest date', 'data.latest': 'latest date', 'data.futureOnly': 'future dates only',
    'data.branches': 'branches', 'data.assignments': 'assignments', 'data.intents': 'intents', 'data.minConfidence': 'minimum confidence',
    'data.method': 'method', 'data.url': 'URL', 'data.headers': 'HTTP headers', 'data.body': 'body', 'data.timeoutMs': 'timeout',
    'data.outputs': 'output variables', 'data.cta': 'button', 'data.flowJson': 'screens', 'data.flowId': 'Flow ID',
    'data.screen': 'first screen', 'data.queue': 'queue', 'data.note': 'note',
    'data.timeoutSeconds': 'answer wait', 'data.businessHoursOnly': 'business hours only', 'data.unansweredSeconds': 'agent wait', 'data.seconds': 'pause',
    name: 'flow name', description: 'description', language: 'language', startNodeId: 'start block', variables: 'variables', settings: 'settings',
  },
});

/**
 * The diff's changed paths in words, without repeats (`['data.text', 'data.options']` → "texto, opciones");
 * `settings.maxStepsPerTurn` reads as settings, and a path with no word yet as its last part.
 */
export function useFieldWords(): (paths: readonly string[]) => string {
  const t = useT(messages);
  return (paths) => {
    const words = paths.map((path) => {
      const key = path.startsWith('settings.') ? 'settings' : path;
      return key in messages.es ? t(key as keyof typeof messages.es) : path.split('.').at(-1) ?? path;
    });
    return [...new Set(words)].join(', ');
  };
}
