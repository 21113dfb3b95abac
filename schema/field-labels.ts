import type { FlowDocument } from './flow.ts';
import { describePath, wordsIn, type FieldLabel, type LabelTree, type Words } from './manifest.ts';
import type { ProblemLocale } from './problems.ts';
import { TEMPLATE_REF_WORDS } from './nodes/shared-labels.ts';
import { allKindsLabels, isNodeKind, nodeFieldLabels } from './registry.ts';

type Day = ReadonlyArray<{ from: string; to: string }> | undefined;
const day = (name: Words, item: Words): FieldLabel<Day> => ({
  label: name,
  item,
  fields: {
    from: ['la hora de apertura', 'a hora de abertura', 'the opening time'],
    to: ['la hora de cierre', 'a hora de fechamento', 'the closing time'],
  },
});

/** The document's own fields below its root (its settings and declared variables); node data is labelled by each kind's manifest. */
const DOCUMENT_FIELDS: { [K in 'settings' | 'variables' | 'knowledge']-?: FieldLabel<FlowDocument[K]> } = {
  settings: {
    label: ['la configuración', 'a configuração', 'the settings'],
    transparent: true,
    fields: {
      sessionTimeoutMinutes: ['la duración de la sesión (minutos)', 'a duração da sessão (minutos)', 'the session timeout (minutes)'],
      maxStepsPerTurn: ['el máximo de pasos por turno', 'o máximo de passos por turno', 'the maximum steps per turn'],
      restartKeywords: {
        label: ['las palabras para reiniciar', 'as palavras para reiniciar', 'the restart keywords'],
        item: ['la palabra para reiniciar {n}', 'a palavra para reiniciar {n}', 'restart keyword {n}'],
      },
      handoffKeywords: {
        label: ['las palabras para hablar con una persona', 'as palavras para falar com uma pessoa', 'the handoff keywords'],
        item: ['la palabra para hablar con una persona {n}', 'a palavra para falar com uma pessoa {n}', 'handoff keyword {n}'],
      },
      timeZone: ['la zona horaria', 'o fuso horário', 'the time zone'],
      register: ['el trato al cliente (tú o vos)', 'o tratamento do cliente', 'how the bot addresses the customer'],
      businessHours: {
        label: ['el horario de atención', 'o horário de atendimento', 'the business hours'],
        fields: {
          weekly: {
            label: ['el horario semanal', 'o horário semanal', 'the weekly hours'],
            fields: {
              monday: day(['el lunes', 'a segunda-feira', 'Monday'], ['el horario {n} del lunes', 'o horário {n} de segunda-feira', 'Monday interval {n}']),
              tuesday: day(['el martes', 'a terça-feira', 'Tuesday'], ['el horario {n} del martes', 'o horário {n} de terça-feira', 'Tuesday interval {n}']),
              wednesday: day(['el miércoles', 'a quarta-feira', 'Wednesday'], ['el horario {n} del miércoles', 'o horário {n} de quarta-feira', 'Wednesday interval {n}']),
              thursday: day(['el jueves', 'a quinta-feira', 'Thursday'], ['el horario {n} del jueves', 'o horário {n} de quinta-feira', 'Thursday interval {n}']),
              friday: day(['el viernes', 'a sexta-feira', 'Friday'], ['el horario {n} del viernes', 'o horário {n} de sexta-feira', 'Friday interval {n}']),
              saturday: day(['el sábado', 'o sábado', 'Saturday'], ['el horario {n} del sábado', 'o horário {n} de sábado', 'Saturday interval {n}']),
              sunday: day(['el domingo', 'o domingo', 'Sunday'], ['el horario {n} del domingo', 'o horário {n} de domingo', 'Sunday interval {n}']),
            },
          },
          holidays: {
            label: ['los feriados', 'os feriados', 'the holidays'],
            item: ['el feriado {n}', 'o feriado {n}', 'holiday {n}'],
          },
        },
      },
      burstMilliseconds: ['la ventana para juntar mensajes (ms)', 'a janela para juntar mensagens (ms)', 'the message gathering window (ms)'],
      fallbackTemplate: {
        label: ['la plantilla para ventana cerrada', 'o modelo para janela fechada', 'the closed-window fallback template'],
        fields: TEMPLATE_REF_WORDS,
      },
      currency: ['la moneda', 'a moeda', 'the currency'],
      csatVariable: ['la variable de satisfacción (CSAT)', 'a variável de satisfação (CSAT)', 'the satisfaction (CSAT) variable'],
      typingIndicator: ['el indicador de escritura', 'o indicador de digitação', 'the typing indicator'],
    },
  },
  variables: {
    label: ['las variables declaradas', 'as variáveis declaradas', 'the declared variables'],
    item: ['la variable declarada {n}', 'a variável declarada {n}', 'declared variable {n}'],
    fields: {
      name: ['el nombre', 'o nome', 'the name'],
      type: ['el tipo', 'o tipo', 'the type'],
      description: ['la descripción', 'a descrição', 'the description'],
    },
  },
  knowledge: {
    label: ['el conocimiento', 'o conhecimento', 'the knowledge'],
    item: ['la entrada de conocimiento {n}', 'a entrada de conhecimento {n}', 'knowledge entry {n}'],
    fields: {
      id: ['el id', 'o id', 'the id'],
      title: ['el título', 'o título', 'the title'],
      text: ['el texto', 'o texto', 'the text'],
      tags: { label: ['las etiquetas', 'as etiquetas', 'the tags'], item: ['la etiqueta {n}', 'a etiqueta {n}', 'tag {n}'] },
      source: ['la fuente', 'a fonte', 'the source'],
    },
  },
};

/** The document's top-level fields, where they differ from the same key inside a node. */
const ROOT_FIELDS: Readonly<Record<string, Words>> = {
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
const NODE_FIELDS: Readonly<Record<string, Words>> = {
  '': THE_NODE,
  data: THE_NODE,
  id: ['el id del nodo', 'o id do nó', 'the node id'],
  type: ['el tipo de nodo', 'o tipo de nó', 'the node type'],
  position: ['la posición en el lienzo', 'a posição na tela', 'the canvas position'],
  label: ['el nombre del nodo', 'o nome do nó', 'the node name'],
};
const EDGE_FIELDS: Readonly<Record<string, Words>> = {
  '': ['la conexión', 'a conexão', 'the connection'],
  id: ['el id de la conexión', 'o id da conexão', 'the connection id'],
  source: ['el origen de la conexión', 'a origem da conexão', 'the connection source'],
  sourceHandle: ['la salida de la conexión', 'a saída da conexão', 'the connection output'],
  target: ['el destino de la conexión', 'o destino da conexão', 'the connection target'],
};

/**
 * A field as a business analyst reads it, from its JSON pointer:
 * `/nodes/2/data/intents/0/description` → «la descripción de la intención 1» (es),
 * `/settings/maxStepsPerTurn` → «el máximo de pasos por turno». A node's data is named by its
 * kind's manifest (`kind`; without it, by whichever kind names the key). Keys it does not know
 * stay as written, quoted. Contractions («de el» → «del») are the message renderer's job.
 */
export function fieldLabel(pointer: string, locale: ProblemLocale, kind?: string): string {
  const segments = pointer.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [first = '', index, key] = segments;
  if ((first === 'nodes' || first === 'edges') && index !== undefined && /^\d+$/.test(index)) {
    if (first === 'nodes' && key === 'data' && segments.length > 3) {
      const fields = kind !== undefined && isNodeKind(kind) ? nodeFieldLabels(kind) : allKindsLabels().fields;
      return describePath(segments.slice(3), fields, locale) ?? wordsIn(THE_NODE, locale);
    }
    const own = (first === 'nodes' ? NODE_FIELDS : EDGE_FIELDS)[key ?? ''];
    if (own && segments.length <= 3) return wordsIn(own, locale);
    return describePath(segments.slice(2), {}, locale) ?? wordsIn(THE_NODE, locale);
  }
  if (segments.length <= 1 && ROOT_FIELDS[first]) return wordsIn(ROOT_FIELDS[first], locale);
  return describePath(segments, DOCUMENT_FIELDS as LabelTree, locale) ?? wordsIn(ROOT_FIELDS['']!, locale);
}
