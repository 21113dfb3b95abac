import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    headerMedia: 'Archivo del encabezado', headerMediaUrl: 'URL del archivo del encabezado', none: 'Ninguno', image: 'Imagen', video: 'Video', document: 'Documento',
    headerMediaHint: 'Va sobre los botones, en lugar del encabezado de texto. Con más de 3 opciones (una lista) sale antes, como mensaje aparte.',
    options: 'Opciones', option: 'Opción {n}', title: 'Título', description: 'Descripción', addOption: 'Agregar opción',
    listButton: 'Botón de la lista', asButtons: 'Se envía como botones (hasta 3)', asList: 'Se envía como lista (4 a 10)',
  },
  pt: {
    headerMedia: 'Arquivo do cabeçalho', headerMediaUrl: 'URL do arquivo do cabeçalho', none: 'Nenhum', image: 'Imagem', video: 'Vídeo', document: 'Documento',
    headerMediaHint: 'Vai acima dos botões, no lugar do cabeçalho de texto. Com mais de 3 opções (uma lista) sai antes, como mensagem à parte.',
    options: 'Opções', option: 'Opção {n}', title: 'Título', description: 'Descrição', addOption: 'Adicionar opção',
    listButton: 'Botão da lista', asButtons: 'Enviado como botões (até 3)', asList: 'Enviado como lista (4 a 10)',
  },
  en: {
    headerMedia: 'Header file', headerMediaUrl: 'Header file URL', none: 'None', image: 'Image', video: 'Video', document: 'Document',
    headerMediaHint: 'Goes above the buttons, in place of the text header. With more than 3 options (a list) it goes first, as a message of its own.',
    options: 'Options', option: 'Option {n}', title: 'Title', description: 'Description', addOption: 'Add option',
    listButton: 'List button', asButtons: 'Sent as buttons (up to 3)', asList: 'Sent as a list (4 to 10)',
  },
});
