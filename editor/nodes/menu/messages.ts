import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    options: 'Opciones', option: 'Opción {n}', title: 'Título', description: 'Descripción', addOption: 'Agregar opción',
    listButton: 'Botón de la lista', asButtons: 'Se envía como botones (hasta 3)', asList: 'Se envía como lista (4 a 10)',
  },
  pt: {
    options: 'Opções', option: 'Opção {n}', title: 'Título', description: 'Descrição', addOption: 'Adicionar opção',
    listButton: 'Botão da lista', asButtons: 'Enviado como botões (até 3)', asList: 'Enviado como lista (4 a 10)',
  },
  en: {
    options: 'Options', option: 'Option {n}', title: 'Title', description: 'Description', addOption: 'Add option',
    listButton: 'List button', asButtons: 'Sent as buttons (up to 3)', asList: 'Sent as a list (4 to 10)',
  },
});
