import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    text: 'Mensaje', cta: 'Botón que abre el formulario', flowId: 'Id del formulario en Meta (opcional)',
    screens: 'Pantallas', screen: 'Pantalla {n}', screenTitle: 'Título de la pantalla', footerLabel: 'Botón de la pantalla', addScreen: 'Agregar pantalla',
    components: 'Componentes', addComponent: 'Agregar', componentType: 'Tipo de componente',
    label: 'Etiqueta', name: 'Nombre del campo', required: 'Obligatorio', inputType: 'Tipo de dato', helper: 'Ayuda', content: 'Texto',
    choices: 'Opciones', choice: 'Opción {n}', addChoice: 'Agregar opción', choiceTitle: 'Título',
    outputs: 'Variables que recibe cada campo', summary: '{screens} pantallas · {fields} campos',
    TextHeading: 'Título', TextSubheading: 'Subtítulo', TextBody: 'Párrafo', TextCaption: 'Nota', TextInput: 'Texto corto', TextArea: 'Texto largo',
    Dropdown: 'Desplegable', RadioButtonsGroup: 'Opción única', CheckboxGroup: 'Casillas', DatePicker: 'Fecha', OptIn: 'Aceptación',
    next: 'Continuar', submit: 'Enviar', newText: 'Nuevo texto', newLabel: 'Etiqueta', minChars: 'Mínimo de caracteres', maxChars: 'Máximo de caracteres',
  },
  pt: {
    text: 'Mensagem', cta: 'Botão que abre o formulário', flowId: 'Id do formulário na Meta (opcional)',
    screens: 'Telas', screen: 'Tela {n}', screenTitle: 'Título da tela', footerLabel: 'Botão da tela', addScreen: 'Adicionar tela',
    components: 'Componentes', addComponent: 'Adicionar', componentType: 'Tipo de componente',
    label: 'Rótulo', name: 'Nome do campo', required: 'Obrigatório', inputType: 'Tipo de dado', helper: 'Ajuda', content: 'Texto',
    choices: 'Opções', choice: 'Opção {n}', addChoice: 'Adicionar opção', choiceTitle: 'Título',
    outputs: 'Variáveis que recebem cada campo', summary: '{screens} telas · {fields} campos',
    TextHeading: 'Título', TextSubheading: 'Subtítulo', TextBody: 'Parágrafo', TextCaption: 'Nota', TextInput: 'Texto curto', TextArea: 'Texto longo',
    Dropdown: 'Lista suspensa', RadioButtonsGroup: 'Escolha única', CheckboxGroup: 'Caixas de seleção', DatePicker: 'Data', OptIn: 'Aceite',
    next: 'Continuar', submit: 'Enviar', newText: 'Novo texto', newLabel: 'Rótulo', minChars: 'Mínimo de caracteres', maxChars: 'Máximo de caracteres',
  },
  en: {
    text: 'Message', cta: 'Button that opens the form', flowId: 'Form id at Meta (optional)',
    screens: 'Screens', screen: 'Screen {n}', screenTitle: 'Screen title', footerLabel: 'Screen button', addScreen: 'Add screen',
    components: 'Components', addComponent: 'Add', componentType: 'Component type',
    label: 'Label', name: 'Field name', required: 'Required', inputType: 'Data type', helper: 'Help text', content: 'Text',
    choices: 'Choices', choice: 'Choice {n}', addChoice: 'Add choice', choiceTitle: 'Title',
    outputs: 'Variable each field goes to', summary: '{screens} screens · {fields} fields',
    TextHeading: 'Heading', TextSubheading: 'Subheading', TextBody: 'Paragraph', TextCaption: 'Caption', TextInput: 'Short text', TextArea: 'Long text',
    Dropdown: 'Dropdown', RadioButtonsGroup: 'Single choice', CheckboxGroup: 'Checkboxes', DatePicker: 'Date', OptIn: 'Opt-in',
    next: 'Continue', submit: 'Submit', newText: 'New text', newLabel: 'Label', minChars: 'Minimum characters', maxChars: 'Maximum characters',
  },
});
