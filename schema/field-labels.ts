import type { ProblemLocale } from './problems.ts';

/** One wording per locale, with its article, as a sentence names it: «la descripción». */
type Words = readonly [es: string, pt: string, en: string];
const LOCALE_INDEX: Record<ProblemLocale, 0 | 1 | 2> = { es: 0, pt: 1, en: 2 };

/** Fields of a node's `data` (any kind), and of lists' items, by their key. */
const DATA_FIELDS: Record<string, Words> = {
  text: ['el texto', 'o texto', 'the text'],
  media: ['el archivo multimedia', 'a mídia', 'the media'],
  kind: ['el tipo', 'o tipo', 'the type'],
  url: ['la URL', 'a URL', 'the URL'],
  caption: ['el pie de foto', 'a legenda', 'the caption'],
  filename: ['el nombre del archivo', 'o nome do arquivo', 'the file name'],
  options: ['las opciones', 'as opções', 'the options'],
  id: ['el id', 'o id', 'the id'],
  title: ['el título', 'o título', 'the title'],
  description: ['la descripción', 'a descrição', 'the description'],
  header: ['el encabezado', 'o cabeçalho', 'the header'],
  footer: ['el pie', 'o rodapé', 'the footer'],
  listButton: ['el botón de la lista', 'o botão da lista', 'the list button'],
  invalidText: ['el texto si la respuesta no es válida', 'o texto se a resposta não for válida', 'the text when the answer is not valid'],
  maxRetries: ['los reintentos máximos', 'o máximo de tentativas', 'the maximum retries'],
  variable: ['la variable', 'a variável', 'the variable'],
  input: ['el tipo de respuesta', 'o tipo de resposta', 'the answer type'],
  pattern: ['el patrón (regex)', 'o padrão (regex)', 'the pattern (regex)'],
  min: ['el mínimo', 'o mínimo', 'the minimum'],
  max: ['el máximo', 'o máximo', 'the maximum'],
  branches: ['las ramas', 'os ramos', 'the branches'],
  match: ['el «se cumple si»', 'o «cumpre-se se»', 'the "holds when"'],
  rules: ['las reglas', 'as regras', 'the rules'],
  left: ['el valor de la izquierda', 'o valor da esquerda', 'the left value'],
  op: ['el operador', 'o operador', 'the operator'],
  right: ['el valor de la derecha', 'o valor da direita', 'the right value'],
  label: ['el nombre', 'o nome', 'the name'],
  assignments: ['las asignaciones', 'as atribuições', 'the assignments'],
  value: ['el valor', 'o valor', 'the value'],
  cta: ['el botón del formulario', 'o botão do formulário', 'the form button'],
  flowJson: ['el formulario', 'o formulário', 'the form'],
  flowId: ['el id del formulario en Meta', 'o id do formulário na Meta', 'the form id at Meta'],
  screen: ['la pantalla inicial', 'a tela inicial', 'the entry screen'],
  outputs: ['los datos a guardar', 'os dados a salvar', 'the values to store'],
  field: ['el campo', 'o campo', 'the field'],
  intents: ['las intenciones', 'as intenções', 'the intents'],
  examples: ['los ejemplos', 'os exemplos', 'the examples'],
  minConfidence: ['la confianza mínima', 'a confiança mínima', 'the minimum confidence'],
  method: ['el método', 'o método', 'the method'],
  headers: ['las cabeceras', 'os cabeçalhos', 'the headers'],
  name: ['el nombre', 'o nome', 'the name'],
  body: ['el cuerpo', 'o corpo', 'the body'],
  timeoutMs: ['el tiempo de espera (ms)', 'o tempo limite (ms)', 'the timeout (ms)'],
  path: ['la ruta', 'o caminho', 'the path'],
  queue: ['la cola', 'a fila', 'the queue'],
  timeoutSeconds: ['la espera de la respuesta (segundos)', 'a espera da resposta (segundos)', 'the answer wait (seconds)'],
  businessHoursOnly: ['el «solo en horario de atención»', 'o «só no horário de atendimento»', 'the "only within business hours"'],
  unansweredSeconds: ['la espera de un agente (segundos)', 'a espera de um agente (segundos)', 'the agent wait (seconds)'],
  seconds: ['la pausa (segundos)', 'a pausa (segundos)', 'the pause (seconds)'],
  note: ['la nota', 'a nota', 'the note'],
  version: ['la versión', 'a versão', 'the version'],
  screens: ['las pantallas', 'as telas', 'the screens'],
  children: ['los componentes', 'os componentes', 'the components'],
  type: ['el tipo', 'o tipo', 'the type'],
  // The document's own fields (its root and settings).
  sessionTimeoutMinutes: ['la duración de la sesión (minutos)', 'a duração da sessão (minutos)', 'the session timeout (minutes)'],
  maxStepsPerTurn: ['el máximo de pasos por turno', 'o máximo de passos por turno', 'the maximum steps per turn'],
  restartKeywords: ['las palabras para reiniciar', 'as palavras para reiniciar', 'the restart keywords'],
  handoffKeywords: ['las palabras para hablar con una persona', 'as palavras para falar com uma pessoa', 'the handoff keywords'],
  timeZone: ['la zona horaria', 'o fuso horário', 'the time zone'],
  businessHours: ['el horario de atención', 'o horário de atendimento', 'the business hours'],
  weekly: ['el horario semanal', 'o horário semanal', 'the weekly hours'],
  holidays: ['los feriados', 'os feriados', 'the holidays'],
  monday: ['el lunes', 'a segunda-feira', 'Monday'],
  tuesday: ['el martes', 'a terça-feira', 'Tuesday'],
  wednesday: ['el miércoles', 'a quarta-feira', 'Wednesday'],
  thursday: ['el jueves', 'a quinta-feira', 'Thursday'],
  friday: ['el viernes', 'a sexta-feira', 'Friday'],
  saturday: ['el sábado', 'o sábado', 'Saturday'],
  sunday: ['el domingo', 'o domingo', 'Sunday'],
  from: ['la hora de apertura', 'a hora de abertura', 'the opening time'],
  to: ['la hora de cierre', 'a hora de fechamento', 'the closing time'],
  burstMilliseconds: ['la ventana para juntar mensajes (ms)', 'a janela para juntar mensagens (ms)', 'the message gathering window (ms)'],
  fallbackTemplate: ['la plantilla para ventana cerrada', 'o modelo para janela fechada', 'the closed-window fallback template'],
  typingIndicator: ['el indicador de escritura', 'o indicador de digitação', 'the typing indicator'],
  bodyParameters: ['los parámetros del cuerpo', 'os parâmetros do corpo', 'the body parameters'],
  headerParameter: ['el parámetro del encabezado', 'o parâmetro do cabeçalho', 'the header parameter'],
  buttonParameters: ['los parámetros de los botones', 'os parâmetros dos botões', 'the button parameters'],
  variables: ['las variables declaradas', 'as variáveis declaradas', 'the declared variables'],
  settings: ['la configuración', 'a configuração', 'the settings'],
};

/** An item of a list, by the list's key; `{n}` counts from 1. */
const LIST_ITEMS: Record<string, Words> = {
  options: ['la opción {n}', 'a opção {n}', 'option {n}'],
  branches: ['la rama {n}', 'o ramo {n}', 'branch {n}'],
  rules: ['la regla {n}', 'a regra {n}', 'rule {n}'],
  assignments: ['la asignación {n}', 'a atribuição {n}', 'assignment {n}'],
  intents: ['la intención {n}', 'a intenção {n}', 'intent {n}'],
  examples: ['el ejemplo {n}', 'o exemplo {n}', 'example {n}'],
  headers: ['la cabecera {n}', 'o cabeçalho {n}', 'header {n}'],
  outputs: ['el dato a guardar {n}', 'o dado a salvar {n}', 'value to store {n}'],
  screens: ['la pantalla {n}', 'a tela {n}', 'screen {n}'],
  children: ['el componente {n}', 'o componente {n}', 'component {n}'],
  variables: ['la variable declarada {n}', 'a variável declarada {n}', 'declared variable {n}'],
  restartKeywords: ['la palabra para reiniciar {n}', 'a palavra para reiniciar {n}', 'restart keyword {n}'],
  handoffKeywords: ['la palabra para hablar con una persona {n}', 'a palavra para falar com uma pessoa {n}', 'handoff keyword {n}'],
  holidays: ['el feriado {n}', 'o feriado {n}', 'holiday {n}'],
  monday: ['el horario {n} del lunes', 'o horário {n} de segunda-feira', 'Monday interval {n}'],
  tuesday: ['el horario {n} del martes', 'o horário {n} de terça-feira', 'Tuesday interval {n}'],
  wednesday: ['el horario {n} del miércoles', 'o horário {n} de quarta-feira', 'Wednesday interval {n}'],
  thursday: ['el horario {n} del jueves', 'o horário {n} de quinta-feira', 'Thursday interval {n}'],
  friday: ['el horario {n} del viernes', 'o horário {n} de sexta-feira', 'Friday interval {n}'],
  saturday: ['el horario {n} del sábado', 'o horário {n} de sábado', 'Saturday interval {n}'],
  sunday: ['el horario {n} del domingo', 'o horário {n} de domingo', 'Sunday interval {n}'],
};

/** The document's top-level fields, where they differ from the same key inside a node. */
const ROOT_FIELDS: Record<string, Words> = {
  '': ['el documento', 'o documento', 'the document'],
  schemaVersion: ['la versión de formato', 'a versão de formato', 'the format version'],
  id: ['el id del bot', 'o id do bot', 'the bot id'],
  name: ['el nombre del bot', 'o nome do bot', 'the bot name'],
  description: ['la descripción del bot', 'a descrição do bot', 'the bot description'],
  language: ['el idioma', 'o idioma', 'the language'],
  startNodeId: ['el nodo inicial', 'o nó inicial', 'the start node'],
  nodes: ['los nodos', 'os nós', 'the nodes'],
  edges: ['las conexiones', 'as conexões', 'the connections'],
};

/** A node's own fields (outside `data`), and an edge's. */
const THE_NODE: Words = ['el nodo', 'o nó', 'the node'];
const NODE_FIELDS: Record<string, Words> = {
  '': THE_NODE,
  data: THE_NODE,
  id: ['el id del nodo', 'o id do nó', 'the node id'],
  type: ['el tipo de nodo', 'o tipo de nó', 'the node type'],
  position: ['la posición en el lienzo', 'a posição na tela', 'the canvas position'],
  label: ['el nombre del nodo', 'o nome do nó', 'the node name'],
};
const EDGE_FIELDS: Record<string, Words> = {
  '': ['la conexión', 'a conexão', 'the connection'],
  id: ['el id de la conexión', 'o id da conexão', 'the connection id'],
  source: ['el origen de la conexión', 'a origem da conexão', 'the connection source'],
  sourceHandle: ['la salida de la conexión', 'a saída da conexão', 'the connection output'],
  target: ['el destino de la conexión', 'o destino da conexão', 'the connection target'],
};

/** Objects that only group fields: their fields read well without them («el máximo de pasos por turno»). */
const TRANSPARENT = new Set(['data', 'settings', 'layout']);
const OF: Words = [' de ', ' de ', ' of '];

/**
 * A field as a business analyst reads it, from its JSON pointer:
 * `/nodes/2/data/intents/0/description` → «la descripción de la intención 1» (es),
 * `/settings/maxStepsPerTurn` → «el máximo de pasos por turno». Keys it does not know stay
 * as written, quoted. Contractions («de el» → «del») are the message renderer's job.
 */
export function fieldLabel(pointer: string, locale: ProblemLocale): string {
  const at = LOCALE_INDEX[locale];
  const segments = pointer.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [first = '', index, key] = segments;
  if ((first === 'nodes' || first === 'edges') && index !== undefined && /^\d+$/.test(index)) {
    if (first === 'nodes' && key === 'data' && segments.length > 3) return describe(segments.slice(3), at);
    const own = (first === 'nodes' ? NODE_FIELDS : EDGE_FIELDS)[key ?? ''];
    if (own && segments.length <= 3) return own[at];
    return describe(segments.slice(2), at);
  }
  if (segments.length <= 1 && ROOT_FIELDS[first]) return ROOT_FIELDS[first][at];
  return describe(segments, at);
}

/** Names the innermost field first, then each list item or group it sits in: «el título de la opción 2». */
function describe(segments: string[], at: 0 | 1 | 2): string {
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    const next = segments[i + 1];
    const item = LIST_ITEMS[key];
    if (item && next !== undefined && /^\d+$/.test(next)) {
      parts.push(item[at].replace('{n}', String(Number(next) + 1)));
      i++;
    } else if (TRANSPARENT.has(key) && next !== undefined) {
      continue;
    } else if (DATA_FIELDS[key]) {
      parts.push(DATA_FIELDS[key][at]);
    } else {
      // A key the format does not have (or a Flow JSON detail): as written, without braces a message could mistake.
      parts.push(`«${segments.slice(i).join('.').replace(/[{}]/g, '')}»`);
      break;
    }
  }
  return parts.length === 0 ? THE_NODE[at] : parts.reverse().join(OF[at]);
}
