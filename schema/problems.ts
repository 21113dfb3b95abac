import { fieldLabel } from './field-labels.ts';
import { wordsIn } from './manifest.ts';
import { allKindsLabels, isNodeKind, nodeKindOutputName } from './registry.ts';

/**
 * Every problem validateFlow can report: a stable code, its severity and its message in each
 * locale. `{name}` is filled from the problem's params: a value as written in the document, or
 * the catalogue's own words (a field named by its pointer, a JSON type, a node's fixed output),
 * rendered in the reader's language. Codes are public: renaming one breaks users' CI.
 * fixtures/invalid/<code>.json holds one document per error code (a test checks it).
 */
type Entry = { severity: 'error' | 'warning'; es: string; pt: string; en: string };

export const problemCatalogue = {
  // The document outline (schema/validate/schema-errors.ts translates ajv's errors)
  schema_version_unsupported: { severity: 'error', es: 'La versión de formato {version} no está soportada. Versiones soportadas: {supported}.', pt: 'A versão de formato {version} não é suportada. Versões suportadas: {supported}.', en: 'Format version {version} is not supported. Supported versions: {supported}.' },
  unknown_node_type: { severity: 'error', es: 'El tipo de nodo «{type}» no existe. Tipos válidos: {kinds}.', pt: 'O tipo de nó «{type}» não existe. Tipos válidos: {kinds}.', en: 'Node type "{type}" does not exist. Valid types: {kinds}.' },
  missing_field: { severity: 'error', es: 'Falta un dato obligatorio: {field}.', pt: 'Falta um dado obrigatório: {field}.', en: 'A required field is missing: {field}.' },
  unknown_field: { severity: 'error', es: '{Container} no admite el campo «{name}».', pt: '{Container} não aceita o campo «{name}».', en: '{Container} has no field "{name}".' },
  wrong_type: { severity: 'error', es: '{Field}: se espera {expected}.', pt: '{Field}: espera-se {expected}.', en: '{Field} must be {expected}.' },
  too_long: { severity: 'error', es: '{Field} admite como máximo {max} caracteres.', pt: '{Field} aceita no máximo {max} caracteres.', en: '{Field} allows at most {max} characters.' },
  too_short: { severity: 'error', es: 'Falta completar {field}: necesita al menos {min} carácter(es).', pt: 'Falta preencher {field}: precisa de pelo menos {min} caractere(s).', en: '{Field} is empty or too short: it needs at least {min} character(s).' },
  invalid_id: { severity: 'error', es: '{Field} no es un id válido: usa minúsculas, dígitos, _ y - (empezando por letra o dígito, hasta 64).', pt: '{Field} não é um id válido: use minúsculas, dígitos, _ e - (começando por letra ou dígito, até 64).', en: '{Field} is not a valid id: use lower-case letters, digits, _ and - (starting with a letter or digit, up to 64).' },
  invalid_variable_name: { severity: 'error', es: '{Field} no es un nombre de variable válido: letras, dígitos y _, sin empezar por dígito.', pt: '{Field} não é um nome de variável válido: letras, dígitos e _, sem começar por dígito.', en: '{Field} is not a valid variable name: letters, digits and _, not starting with a digit.' },
  pattern_mismatch: { severity: 'error', es: '{Field} no tiene el formato esperado ({pattern}).', pt: '{Field} não tem o formato esperado ({pattern}).', en: '{Field} does not have the expected format ({pattern}).' },
  not_allowed_value: { severity: 'error', es: '{Field}: valor no permitido. Valores válidos: {allowed}.', pt: '{Field}: valor não permitido. Valores válidos: {allowed}.', en: '{Field} has a value that is not allowed. Valid values: {allowed}.' },
  too_few_items: { severity: 'error', es: 'Faltan elementos en {field}: se necesita al menos {min}.', pt: 'Faltam itens em {field}: é preciso pelo menos {min}.', en: 'Not enough items in {field}: at least {min} needed.' },
  too_many_items: { severity: 'error', es: 'Sobran elementos en {field}: el máximo es {max}.', pt: 'Há itens demais em {field}: o máximo é {max}.', en: 'Too many items in {field}: at most {max}.' },
  out_of_range: { severity: 'error', es: '{Field} debe ser {comparison} {limit}.', pt: '{Field} deve ser {comparison} {limit}.', en: '{Field} must be {comparison} {limit}.' },
  // Ids and edges (schema/validate/graph.ts)
  duplicate_node_id: { severity: 'error', es: 'Hay más de un nodo con el id «{id}».', pt: 'Há mais de um nó com o id «{id}».', en: 'More than one node has the id "{id}".' },
  duplicate_edge_id: { severity: 'error', es: 'Hay más de una conexión con el id «{id}».', pt: 'Há mais de uma conexão com o id «{id}».', en: 'More than one edge has the id "{id}".' },
  duplicate_option_id: { severity: 'error', es: 'Dos opciones del menú tienen el id «{id}».', pt: 'Duas opções do menu têm o id «{id}».', en: 'Two menu options have the id "{id}".' },
  duplicate_branch_id: { severity: 'error', es: 'Dos ramas de la condición tienen el id «{id}».', pt: 'Dois ramos da condição têm o id «{id}».', en: 'Two condition branches have the id "{id}".' },
  duplicate_intent_id: { severity: 'error', es: 'Dos intenciones tienen el id «{id}».', pt: 'Duas intenções têm o id «{id}».', en: 'Two intents have the id "{id}".' },
  reserved_output_id: { severity: 'error', es: 'El id «{id}» ya es el de la salida «{output}» del nodo; elige otro.', pt: 'O id «{id}» já é o da saída «{output}» do nó; escolha outro.', en: 'The id "{id}" is taken by the node\'s own "{output}" output; pick another.' },
  start_node_missing: { severity: 'error', es: 'El nodo inicial «{id}» no existe.', pt: 'O nó inicial «{id}» não existe.', en: 'The start node "{id}" does not exist.' },
  edge_source_missing: { severity: 'error', es: 'La conexión sale de «{source}», un nodo que no existe.', pt: 'A conexão sai de «{source}», um nó que não existe.', en: 'The edge leaves "{source}", a node that does not exist.' },
  edge_target_missing: { severity: 'error', es: 'La conexión llega a «{target}», un nodo que no existe.', pt: 'A conexão chega a «{target}», um nó que não existe.', en: 'The edge enters "{target}", a node that does not exist.' },
  edge_unknown_output: { severity: 'error', es: 'El nodo no tiene la salida «{output}». Salidas: {outputs}.', pt: 'O nó não tem a saída «{output}». Saídas: {outputs}.', en: 'The node has no output "{output}". Outputs: {outputs}.' },
  edge_output_taken: { severity: 'error', es: 'La salida «{output}» ya tiene la conexión «{other}»; cada salida admite una sola.', pt: 'A saída «{output}» já tem a conexão «{other}»; cada saída aceita uma só.', en: 'The output "{output}" already has the edge "{other}"; each output takes one edge.' },
  loop_without_wait: { severity: 'error', es: 'Estos nodos forman un ciclo que puede repetirse sin esperar al usuario: {path}.', pt: 'Estes nós formam um ciclo que pode se repetir sem esperar o usuário: {path}.', en: 'These nodes form a loop that can repeat without waiting for the user: {path}.' },
  // WhatsApp limits and node contents (schema/nodes/*.ts `check`)
  button_title_too_long: { severity: 'error', es: 'Con 3 opciones o menos el menú sale como botones, y un botón admite {max} caracteres; este tiene {length}.', pt: 'Com até 3 opções o menu vai como botões, e um botão aceita {max} caracteres; este tem {length}.', en: 'With 3 options or fewer the menu is sent as buttons, which allow {max} characters; this one has {length}.' },
  list_row_title_too_long: { severity: 'error', es: 'El título de una fila de lista admite {max} caracteres; este tiene {length}.', pt: 'O título de uma linha de lista aceita {max} caracteres; este tem {length}.', en: 'A list row title allows {max} characters; this one has {length}.' },
  list_row_description_too_long: { severity: 'error', es: 'La descripción de una fila de lista admite {max} caracteres; esta tiene {length}.', pt: 'A descrição de uma linha de lista aceita {max} caracteres; esta tem {length}.', en: 'A list row description allows {max} characters; this one has {length}.' },
  list_button_too_long: { severity: 'error', es: 'El botón de la lista admite {max} caracteres; este tiene {length}.', pt: 'O botão da lista aceita {max} caracteres; este tem {length}.', en: 'The list button label allows {max} characters; this one has {length}.' },
  header_too_long: { severity: 'error', es: 'El encabezado admite {max} caracteres; este tiene {length}.', pt: 'O cabeçalho aceita {max} caracteres; este tem {length}.', en: 'The header allows {max} characters; this one has {length}.' },
  footer_too_long: { severity: 'error', es: 'El pie admite {max} caracteres; este tiene {length}.', pt: 'O rodapé aceita {max} caracteres; este tem {length}.', en: 'The footer allows {max} characters; this one has {length}.' },
  interactive_body_too_long: { severity: 'error', es: 'El texto de un mensaje con botones, lista o formulario admite {max} caracteres; este tiene {length}.', pt: 'O texto de uma mensagem com botões, lista ou formulário aceita {max} caracteres; este tem {length}.', en: 'The body of a buttons, list or form message allows {max} characters; this one has {length}.' },
  message_empty: { severity: 'error', es: 'El mensaje no tiene texto ni archivo: no enviaría nada.', pt: 'A mensagem não tem texto nem mídia: não enviaria nada.', en: 'The message has no text and no media: it would send nothing.' },
  message_two_buttons: { severity: 'error', es: 'Un mensaje lleva un botón con enlace o el pedido de ubicación, no los dos.', pt: 'Uma mensagem leva um botão com link ou o pedido de localização, não os dois.', en: 'A message carries a link button or the location request, not both.' },
  text_too_long: { severity: 'error', es: 'Un mensaje de texto admite {max} caracteres; este tiene {length}.', pt: 'Uma mensagem de texto aceita {max} caracteres; esta tem {length}.', en: 'A text message allows {max} characters; this one has {length}.' },
  caption_too_long: { severity: 'error', es: 'El pie de foto admite {max} caracteres; este tiene {length}.', pt: 'A legenda aceita {max} caracteres; esta tem {length}.', en: 'A media caption allows {max} characters; this one has {length}.' },
  form_cta_too_long: { severity: 'error', es: 'El botón del formulario admite {max} caracteres; este tiene {length}.', pt: 'O botão do formulário aceita {max} caracteres; este tem {length}.', en: 'The form button label allows {max} characters; this one has {length}.' },
  form_cta_emoji: { severity: 'error', es: 'El botón del formulario no puede llevar emojis.', pt: 'O botão do formulário não pode ter emojis.', en: 'The form button label cannot contain emoji.' },
  duplicate_option_title: { severity: 'error', es: 'Las opciones «{title}» y «{other}» se leen igual (sin mayúsculas ni acentos); el usuario no podría elegir por texto.', pt: 'As opções «{title}» e «{other}» se leem igual (sem maiúsculas nem acentos); o usuário não poderia escolher por texto.', en: 'The options "{title}" and "{other}" read the same ignoring case and accents; a user could not pick one by typing it.' },
  invalid_pattern: { severity: 'error', es: 'La expresión regular «{pattern}» no es válida: {reason}.', pt: 'A expressão regular «{pattern}» não é válida: {reason}.', en: 'The regular expression "{pattern}" is not valid: {reason}.' },
  pattern_unsupported: { severity: 'error', es: 'La expresión regular «{pattern}» usa {feature}, que Charla no ejecuta: las referencias hacia atrás y el lookaround no tienen tiempo acotado. Reescribila sin eso.', pt: 'A expressão regular «{pattern}» usa {feature}, que o Charla não executa: referências anteriores e lookaround não têm tempo limitado. Reescreva sem isso.', en: 'The regular expression "{pattern}" uses {feature}, which Charla does not run: backreferences and lookaround have no time bound. Rewrite it without them.' },
  pattern_too_complex: { severity: 'error', es: 'La expresión regular es demasiado larga o compleja: admite hasta {max} caracteres, sin grupos repetidos cientos de veces.', pt: 'A expressão regular é longa ou complexa demais: aceita até {max} caracteres, sem grupos repetidos centenas de vezes.', en: 'The regular expression is too long or complex: it allows at most {max} characters, with no group repeated hundreds of times.' },
  missing_pattern: { severity: 'error', es: 'Una pregunta de tipo «Patrón (regex)» necesita el patrón que la respuesta debe cumplir.', pt: 'Uma pergunta do tipo «Padrão (regex)» precisa do padrão que a resposta deve seguir.', en: 'A question of type "Pattern (regex)" needs the pattern answers must match.' },
  unknown_format: { severity: 'error', es: '«{format}» no es un formato: usá fecha, fecha_corta, dia_fecha, hora, fecha_hora, numero o moneda (por ejemplo {{total | moneda}}).', pt: '«{format}» não é um formato: use data, data_curta, dia_data, hora, data_hora, numero ou moeda (por exemplo {{total | moeda}}).', en: '"{format}" is not a format: use date, short_date, weekday_date, time, date_time, number or currency (for example {{total | currency}}).' },
  currency_needed: { severity: 'error', es: 'Para mostrar «{variable}» como dinero falta la moneda: elegila en Ajustes del flujo o escribí el código, como {{total | moneda:ARS}}.', pt: 'Para mostrar «{variable}» como dinheiro falta a moeda: escolha nas Configurações do fluxo ou escreva o código, como {{total | moeda:BRL}}.', en: 'To show "{variable}" as money a currency is needed: pick it in the flow settings or write its code, as in {{total | currency:USD}}.' },
  question_min_above_max: { severity: 'error', es: 'El mínimo ({min}) es mayor que el máximo ({max}); ninguna respuesta sería válida.', pt: 'O mínimo ({min}) é maior que o máximo ({max}); nenhuma resposta seria válida.', en: 'The minimum ({min}) is above the maximum ({max}); no answer could be valid.' },
  url_not_http: { severity: 'error', es: 'La URL «{url}» debe empezar por http:// o https://.', pt: 'A URL «{url}» deve começar com http:// ou https://.', en: 'The URL "{url}" must start with http:// or https://.' },
  api_body_not_json: { severity: 'error', es: 'El cuerpo de la llamada no es JSON válido (con las variables sustituidas): {reason}.', pt: 'O corpo da chamada não é JSON válido (com as variáveis substituídas): {reason}.', en: 'The request body is not valid JSON (with variables filled in): {reason}.' },
  // The form's Flow JSON (schema/flow-json)
  form_screen_missing: { severity: 'error', es: 'La pantalla inicial «{screen}» no existe en el formulario.', pt: 'A tela inicial «{screen}» não existe no formulário.', en: 'The entry screen "{screen}" does not exist in the form.' },
  form_output_unknown_field: { severity: 'error', es: 'El formulario no devuelve el campo «{field}». Campos que devuelve: {fields}.', pt: 'O formulário não devolve o campo «{field}». Campos que devolve: {fields}.', en: 'The form does not return the field "{field}". Fields it returns: {fields}.' },
  flow_json_version: { severity: 'error', es: 'Meta no publica formularios con la versión «{version}» de Flow JSON; usá una de: {versions} (7.3 es la recomendada).', pt: 'A Meta não publica formulários com a versão «{version}» de Flow JSON; use uma de: {versions} (7.3 é a recomendada).', en: 'Meta does not publish forms with Flow JSON version "{version}"; use one of: {versions} (7.3 is recommended).' },
  flow_json_data_exchange_without_endpoint: { severity: 'error', es: 'La pantalla «{screen}» usa la acción «data_exchange», que llama al endpoint de datos del formulario: cargá el endpoint o usá «navigate».', pt: 'A tela «{screen}» usa a ação «data_exchange», que chama o endpoint de dados do formulário: informe o endpoint ou use «navigate».', en: 'Screen "{screen}" uses the "data_exchange" action, which calls the form\'s data endpoint: set the endpoint or use "navigate".' },
  flow_json_layout: { severity: 'error', es: 'La pantalla usa el diseño «{layout}»; el único soportado es SingleColumnLayout.', pt: 'A tela usa o layout «{layout}»; o único suportado é SingleColumnLayout.', en: 'The screen uses layout "{layout}"; the only one supported is SingleColumnLayout.' },
  flow_json_unknown_component: { severity: 'error', es: 'El componente «{component}» no está soportado. Componentes: {supported}.', pt: 'O componente «{component}» não é suportado. Componentes: {supported}.', en: 'The component "{component}" is not supported. Components: {supported}.' },
  flow_json_missing_property: { severity: 'error', es: 'El componente «{component}» necesita «{property}».', pt: 'O componente «{component}» precisa de «{property}».', en: 'The "{component}" component needs "{property}".' },
  flow_json_invalid_value: { severity: 'error', es: '«{property}» de «{component}» no es válido; se espera: {expected}.', pt: '«{property}» de «{component}» não é válido; espera-se: {expected}.', en: '"{property}" of "{component}" is not valid; expected: {expected}.' },
  flow_json_too_long: { severity: 'error', es: '«{property}» de «{component}» admite {max} caracteres; tiene {length}.', pt: '«{property}» de «{component}» aceita {max} caracteres; tem {length}.', en: '"{property}" of "{component}" allows {max} characters; it has {length}.' },
  flow_json_option_count: { severity: 'error', es: '«{component}» necesita entre 1 y {max} opciones; tiene {count}.', pt: '«{component}» precisa de 1 a {max} opções; tem {count}.', en: '"{component}" needs 1 to {max} choices; it has {count}.' },
  flow_json_empty_screen: { severity: 'error', es: 'La pantalla «{screen}» no tiene componentes; WhatsApp no acepta pantallas vacías.', pt: 'A tela «{screen}» não tem componentes; o WhatsApp não aceita telas vazias.', en: 'Screen "{screen}" has no components; WhatsApp does not accept empty screens.' },
  flow_json_too_many_components: { severity: 'error', es: 'La pantalla «{screen}» tiene {count} componentes; el máximo es {max}.', pt: 'A tela «{screen}» tem {count} componentes; o máximo é {max}.', en: 'Screen "{screen}" has {count} components; the maximum is {max}.' },
  flow_json_footer_count: { severity: 'error', es: 'La pantalla «{screen}» tiene {count} botones de pantalla (Footer); admite uno.', pt: 'A tela «{screen}» tem {count} botões de tela (Footer); aceita um.', en: 'Screen "{screen}" has {count} screen buttons (Footer); one is allowed.' },
  flow_json_duplicate_screen: { severity: 'error', es: 'Hay más de una pantalla con el id «{screen}».', pt: 'Há mais de uma tela com o id «{screen}».', en: 'More than one screen has the id "{screen}".' },
  flow_json_reserved_screen: { severity: 'error', es: 'El id de pantalla «SUCCESS» está reservado por WhatsApp.', pt: 'O id de tela «SUCCESS» é reservado pelo WhatsApp.', en: 'The screen id "SUCCESS" is reserved by WhatsApp.' },
  flow_json_unknown_screen: { severity: 'error', es: 'La pantalla «{screen}» lleva a «{target}», que no existe.', pt: 'A tela «{screen}» leva a «{target}», que não existe.', en: 'Screen "{screen}" leads to "{target}", which does not exist.' },
  flow_json_route_cycle: { severity: 'error', es: 'Las pantallas forman un ciclo ({screens}); las rutas solo pueden avanzar.', pt: 'As telas formam um ciclo ({screens}); as rotas só podem avançar.', en: 'The screens form a cycle ({screens}); routes may only go forward.' },
  flow_json_dead_end: { severity: 'error', es: 'La pantalla «{screen}» no es final y no lleva a ninguna otra.', pt: 'A tela «{screen}» não é final e não leva a nenhuma outra.', en: 'Screen "{screen}" is not terminal and leads nowhere.' },
  flow_json_terminal_without_complete: { severity: 'error', es: 'La pantalla final «{screen}» necesita un botón de pantalla que envíe el formulario (acción «complete»).', pt: 'A tela final «{screen}» precisa de um botão de tela que envie o formulário (ação «complete»).', en: 'The final screen "{screen}" needs a screen button that submits the form ("complete" action).' },
  flow_json_complete_not_terminal: { severity: 'error', es: 'Solo la pantalla final puede enviar el formulario (acción «complete»); «{screen}» no es final.', pt: 'Só a tela final pode enviar o formulário (ação «complete»); «{screen}» não é final.', en: 'Only the final screen may submit the form ("complete" action); "{screen}" is not final.' },
  flow_json_unknown_action: { severity: 'error', es: 'La acción «{action}» no existe. Acciones: {actions}.', pt: 'A ação «{action}» não existe. Ações: {actions}.', en: 'The action "{action}" does not exist. Actions: {actions}.' },
  flow_json_duplicate_input_name: { severity: 'error', es: 'Dos campos de la pantalla «{screen}» se llaman «{name}».', pt: 'Dois campos da tela «{screen}» se chamam «{name}».', en: 'Two inputs of screen "{screen}" are named "{name}".' },
  flow_json_unknown_form_field: { severity: 'error', es: '«${form.{name}}» no corresponde a ningún campo de la pantalla «{screen}».', pt: '«${form.{name}}» não corresponde a nenhum campo da tela «{screen}».', en: '"${form.{name}}" names no input of screen "{screen}".' },
  // The flow's time settings (schema/business-hours.ts)
  unknown_time_zone: { severity: 'error', es: '«{zone}» no es una zona horaria IANA conocida (por ejemplo America/Argentina/Buenos_Aires).', pt: '«{zone}» não é um fuso horário IANA conhecido (por exemplo America/Sao_Paulo).', en: '"{zone}" is not a known IANA time zone (for example America/New_York).' },
  hours_interval_empty: { severity: 'error', es: 'El horario {from}–{to} cierra antes de abrir (o a la misma hora); para pasar la medianoche, partilo en dos días.', pt: 'O horário {from}–{to} fecha antes de abrir (ou na mesma hora); para passar da meia-noite, divida-o em dois dias.', en: 'The hours {from}–{to} close before (or when) they open; to run past midnight, split them over two days.' },
  hours_intervals_overlap: { severity: 'error', es: 'El horario {from}–{to} se superpone con {otherFrom}–{otherTo} del mismo día; juntalos en uno o separalos.', pt: 'O horário {from}–{to} se sobrepõe a {otherFrom}–{otherTo} do mesmo dia; junte-os em um ou separe-os.', en: 'The hours {from}–{to} overlap {otherFrom}–{otherTo} on the same day; merge them into one or move them apart.' },
  holiday_not_a_date: { severity: 'error', es: 'El feriado «{date}» no es una fecha que exista.', pt: 'O feriado «{date}» não é uma data que exista.', en: 'The holiday "{date}" is not a date that exists.' },
  // The flow's knowledge (schema/knowledge.ts)
  duplicate_knowledge_id: { severity: 'error', es: 'Hay más de una entrada de conocimiento con el id «{id}»; las respuestas citan la entrada por su id.', pt: 'Há mais de uma entrada de conhecimento com o id «{id}»; as respostas citam a entrada pelo id.', en: 'More than one knowledge entry has the id "{id}"; answers cite an entry by its id.' },
  knowledge_too_large: { severity: 'error', es: 'El conocimiento del flujo suma {length} caracteres; el máximo es {max}. Quitá o acortá entradas.', pt: 'O conhecimento do fluxo soma {length} caracteres; o máximo é {max}. Remova ou encurte entradas.', en: 'The flow\'s knowledge adds up to {length} characters; the maximum is {max}. Remove or shorten entries.' },
  // Templates, checked against the synced templates of the WhatsApp Business Account of each number serving the flow (schema/validate/template-checks.ts)
  template_not_found: { severity: 'error', es: 'La cuenta de WhatsApp Business no tiene la plantilla «{name}». Revisá el nombre o tocá «Actualizar plantillas».', pt: 'A conta do WhatsApp Business não tem o modelo «{name}». Confira o nome ou toque em «Atualizar modelos».', en: 'The WhatsApp Business Account has no template "{name}". Check the name or press «Refresh templates».' },
  template_language_missing: { severity: 'error', es: 'La plantilla «{name}» no está en {language}; está en {languages}.', pt: 'O modelo «{name}» não está em {language}; está em {languages}.', en: 'Template "{name}" is not in {language}; it is in {languages}.' },
  template_not_approved: { severity: 'error', es: 'La plantilla «{name}» está {status} en Meta: solo se envían plantillas aprobadas (APPROVED).', pt: 'O modelo «{name}» está {status} na Meta: só modelos aprovados (APPROVED) são enviados.', en: 'Template "{name}" is {status} at Meta: only approved (APPROVED) templates are sent.' },
  template_parameters_mismatch: { severity: 'error', es: 'La plantilla «{name}» espera {expected} en {field}; el flujo tiene {actual}.', pt: 'O modelo «{name}» espera {expected} em {field}; o fluxo tem {actual}.', en: 'Template "{name}" expects {expected} in {field}; the flow has {actual}.' },
  // Warnings: publishing goes ahead
  unreachable_node: { severity: 'warning', es: 'Ningún camino desde el nodo inicial llega a este nodo.', pt: 'Nenhum caminho a partir do nó inicial chega a este nó.', en: 'No path from the start node reaches this node.' },
  undefined_variable: { severity: 'warning', es: 'Ningún nodo asigna la variable «{variable}» y no está declarada; se mostrará vacía.', pt: 'Nenhum nó atribui a variável «{variable}» e ela não está declarada; aparecerá vazia.', en: 'No node sets the variable "{variable}" and it is not declared; it will render empty.' },
  variable_reused: { severity: 'warning', es: 'El nodo «{node}» también guarda la respuesta en «{variable}»: la última respuesta pisa a la otra. Usá otro nombre.', pt: 'O nó «{node}» também guarda a resposta em «{variable}»: a última resposta substitui a outra. Use outro nome.', en: 'Node "{node}" also stores its answer in "{variable}": the later answer replaces the other. Use another name.' },
  unhandled_output: { severity: 'warning', es: 'La salida «{output}» no tiene conexión: si ocurre, la conversación termina aquí.', pt: 'A saída «{output}» não tem conexão: se ocorrer, a conversa termina aqui.', en: 'The "{output}" output has no connection: if taken, the conversation ends here.' },
  dead_end: { severity: 'warning', es: 'La salida «{output}» no lleva a ningún nodo: si el usuario llega por ahí, la conversación se corta sin aviso.', pt: 'A saída «{output}» não leva a nenhum nó: se o usuário chegar por ali, a conversa termina sem aviso.', en: 'The "{output}" output leads nowhere: a user who takes it is left without an answer.' },
  button_description_ignored: { severity: 'warning', es: 'Con 3 opciones o menos el menú sale como botones y las descripciones no se muestran.', pt: 'Com até 3 opções o menu vai como botões e as descrições não aparecem.', en: 'With 3 options or fewer the menu is sent as buttons, which do not show descriptions.' },
} as const satisfies Record<string, Entry>;

export type ProblemCode = keyof typeof problemCatalogue;
export type ProblemLocale = 'es' | 'pt' | 'en';
type CodesOf<S extends Entry['severity']> = { [C in ProblemCode]: (typeof problemCatalogue)[C]['severity'] extends S ? C : never }[ProblemCode];
/** The codes that block publishing; each has a fixture in fixtures/invalid/<code>.json. */
export type ErrorCode = CodesOf<'error'>;
export type WarningCode = CodesOf<'warning'>;
/** A word in the reader's language: a JSON type (`integer`) or a node's fixed output (`invalid`). */
export type ProblemTerm = { term: keyof (typeof terms)['es'] | 'output'; key: string; kind?: string };
/**
 * A field, by its JSON pointer, named as an analyst reads it («la descripción de la intención 1»);
 * inside a node's data, by the labels of the node's `kind` when it is known.
 */
export type ProblemField = { field: string; kind?: string };
export type ProblemValue = string | number | ProblemTerm | ProblemField | readonly (string | ProblemTerm)[];
export type ProblemParams = Record<string, ProblemValue>;

export const typeTerm = (key: string): ProblemTerm => ({ term: 'type', key });
/** A node's own output, by the label of its `kind`'s manifest (without a kind, any kind's label for it). */
export const outputTerm = (key: string, kind?: string): ProblemTerm => (kind === undefined ? { term: 'output', key } : { term: 'output', key, kind });
export const fieldAt = (pointer: string, kind?: string): ProblemField => (kind === undefined ? { field: pointer } : { field: pointer, kind });
/** A Flow JSON component (`TextInput`) and one of its properties (`helper-text`), as the form editor names them. */
export const componentTerm = (type: string): ProblemTerm => ({ term: 'component', key: type });
export const propertyTerm = (property: string): ProblemTerm => ({ term: 'property', key: property });

/** Words a param may name, per locale; outputs come from the node kinds' manifests, as the canvas labels them. */
const terms = {
  es: {
    type: { string: 'texto', number: 'un número', integer: 'un número entero', boolean: 'verdadero o falso', object: 'un objeto', array: 'una lista', null: 'nulo' },
    component: { TextHeading: 'Título', TextSubheading: 'Subtítulo', TextBody: 'Párrafo', TextCaption: 'Nota', TextInput: 'Texto corto', TextArea: 'Texto largo', Dropdown: 'Desplegable', RadioButtonsGroup: 'Opción única', CheckboxGroup: 'Casillas', DatePicker: 'Fecha', OptIn: 'Aceptación', Footer: 'Botón de la pantalla', choice: 'Opción de la lista' },
    property: { label: 'Etiqueta', name: 'Nombre del campo', text: 'Texto', title: 'Título', id: 'Id', 'helper-text': 'Ayuda', 'data-source': 'Opciones', 'input-type': 'Tipo de dato', 'on-click-action': 'Acción del botón', 'next.name': 'Pantalla siguiente' },
  },
  pt: {
    type: { string: 'texto', number: 'um número', integer: 'um número inteiro', boolean: 'verdadeiro ou falso', object: 'um objeto', array: 'uma lista', null: 'nulo' },
    component: { TextHeading: 'Título', TextSubheading: 'Subtítulo', TextBody: 'Parágrafo', TextCaption: 'Nota', TextInput: 'Texto curto', TextArea: 'Texto longo', Dropdown: 'Lista suspensa', RadioButtonsGroup: 'Escolha única', CheckboxGroup: 'Caixas de seleção', DatePicker: 'Data', OptIn: 'Aceite', Footer: 'Botão da tela', choice: 'Opção da lista' },
    property: { label: 'Rótulo', name: 'Nome do campo', text: 'Texto', title: 'Título', id: 'Id', 'helper-text': 'Ajuda', 'data-source': 'Opções', 'input-type': 'Tipo de dado', 'on-click-action': 'Ação do botão', 'next.name': 'Próxima tela' },
  },
  en: {
    type: { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null' },
    component: { TextHeading: 'Heading', TextSubheading: 'Subheading', TextBody: 'Paragraph', TextCaption: 'Caption', TextInput: 'Short text', TextArea: 'Long text', Dropdown: 'Dropdown', RadioButtonsGroup: 'Single choice', CheckboxGroup: 'Checkboxes', DatePicker: 'Date', OptIn: 'Opt-in', Footer: 'Screen button', choice: 'List choice' },
    property: { label: 'Label', name: 'Field name', text: 'Text', title: 'Title', id: 'Id', 'helper-text': 'Help text', 'data-source': 'Choices', 'input-type': 'Data type', 'on-click-action': 'Button action', 'next.name': 'Next screen' },
  },
} satisfies Record<ProblemLocale, Record<string, Record<string, string>>>;

/** «de el» → «del», «de a» → «da»: between the template's words and a field's article. */
const CONTRACTIONS: Record<ProblemLocale, Array<[RegExp, string]>> = {
  es: [[/\bde el\b/g, 'del']],
  pt: [[/\bde (o|a|os|as)\b/g, 'd$1'], [/\bem (o|a|os|as)\b/g, 'n$1']],
  en: [],
};
const QUOTES: Record<ProblemLocale, [string, string]> = { es: ['«', '»'], pt: ['«', '»'], en: ['"', '"'] };
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The message of one problem in one locale, e.g. `problemMessage('too_long', { field: fieldAt('/nodes/0/data/text'), max: 20 }, 'en')`.
 * `{Name}` capitalises the value. The catalogue's own words (fields, terms) go in first so
 * contractions apply to them only; then the document's values, as written.
 */
export function problemMessage(code: ProblemCode, params: ProblemParams, locale: ProblemLocale): string {
  const fill = (text: string, ours: boolean): string => text.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name[0]!.toLowerCase() + name.slice(1);
    const value = params[key];
    if (value === undefined || (typeof value === 'object' && !isList(value)) !== ours) return whole;
    const text = render(value, locale);
    return key === name ? text : text.charAt(0).toUpperCase() + text.slice(1);
  });
  let message = fill(problemCatalogue[code][locale], true);
  for (const [pattern, replacement] of CONTRACTIONS[locale]) message = message.replace(pattern, replacement);
  return fill(message, false);
}

const isList = (value: ProblemValue): value is readonly (string | ProblemTerm)[] => Array.isArray(value);

function render(value: ProblemValue, locale: ProblemLocale): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isList(value)) {
    const [open, close] = QUOTES[locale];
    return value.length === 0 ? '—' : value.map((item) => `${open}${render(item, locale)}${close}`).join(', ');
  }
  if ('field' in value) return fieldLabel(value.field, locale, value.kind);
  if (value.term === 'output') {
    const own = value.kind !== undefined && isNodeKind(value.kind) ? nodeKindOutputName(value.kind, value.key, locale) : undefined;
    const outputs = allKindsLabels().outputs;
    return own ?? (Object.hasOwn(outputs, value.key) ? wordsIn(outputs[value.key]!, locale) : value.key);
  }
  const words: Record<string, string> = terms[locale][value.term];
  return words[value.key] ?? value.key;
}

export function problemSeverity(code: ProblemCode): 'error' | 'warning' {
  return problemCatalogue[code].severity;
}

export const PROBLEM_CODES = Object.keys(problemCatalogue) as ProblemCode[];
