import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    chipRequestLocation: 'Pide la ubicación', chipLocation: 'Ubicación', chipContacts: 'Contactos: {count}', chipReaction: 'Reacciona {emoji}',
    media: 'Adjunto', none: 'Ninguno', image: 'Imagen', video: 'Video', audio: 'Audio', document: 'Documento', url: 'URL del archivo', caption: 'Leyenda', filename: 'Nombre del archivo',
    headerHint: 'Con el botón de enlace y sin leyenda, la imagen, el video o el documento va como encabezado del mensaje.',
    buttons: 'Botón bajo el texto', link: 'Botón con enlace (cta_url)', linkLabel: 'Texto del botón', linkUrl: 'Enlace del botón',
    requestLocation: 'Pedir la ubicación (botón «Enviar ubicación»)', oneButton: 'Un mensaje lleva un solo botón: el enlace o el pedido de ubicación.',
    location: 'Enviar una ubicación', latitude: 'Latitud', longitude: 'Longitud', placeName: 'Nombre del lugar', address: 'Dirección',
    contacts: 'Contactos para compartir', contact: 'Contacto {n}', contactName: 'Nombre', contactPhone: 'Teléfono', contactEmail: 'Email', addContact: 'Agregar contacto',
    reaction: 'Reacción al mensaje del cliente', reactionHint: 'Un emoji con el que el bot reacciona al mensaje recibido; si el turno no empezó con un mensaje del cliente (un temporizador), no se envía.',
    more: 'Más para enviar',
  },
  pt: {
    chipRequestLocation: 'Pede a localização', chipLocation: 'Localização', chipContacts: 'Contatos: {count}', chipReaction: 'Reage {emoji}',
    media: 'Anexo', none: 'Nenhum', image: 'Imagem', video: 'Vídeo', audio: 'Áudio', document: 'Documento', url: 'URL do arquivo', caption: 'Legenda', filename: 'Nome do arquivo',
    headerHint: 'Com o botão de link e sem legenda, a imagem, o vídeo ou o documento vai como cabeçalho da mensagem.',
    buttons: 'Botão abaixo do texto', link: 'Botão com link (cta_url)', linkLabel: 'Texto do botão', linkUrl: 'Link do botão',
    requestLocation: 'Pedir a localização (botão «Enviar localização»)', oneButton: 'Uma mensagem leva um só botão: o link ou o pedido de localização.',
    location: 'Enviar uma localização', latitude: 'Latitude', longitude: 'Longitude', placeName: 'Nome do lugar', address: 'Endereço',
    contacts: 'Contatos para compartilhar', contact: 'Contato {n}', contactName: 'Nome', contactPhone: 'Telefone', contactEmail: 'E-mail', addContact: 'Adicionar contato',
    reaction: 'Reação à mensagem do cliente', reactionHint: 'Um emoji com que o bot reage à mensagem recebida; se o turno não começou com uma mensagem do cliente (um temporizador), não é enviado.',
    more: 'Mais para enviar',
  },
  en: {
    chipRequestLocation: 'Asks for the location', chipLocation: 'Location', chipContacts: 'Contacts: {count}', chipReaction: 'Reacts {emoji}',
    media: 'Attachment', none: 'None', image: 'Image', video: 'Video', audio: 'Audio', document: 'Document', url: 'File URL', caption: 'Caption', filename: 'File name',
    headerHint: 'With the link button and no caption, the image, video or document goes as the message\'s header.',
    buttons: 'Button under the text', link: 'Link button (cta_url)', linkLabel: 'Button text', linkUrl: 'Button link',
    requestLocation: 'Ask for the location («Send location» button)', oneButton: 'A message carries one button: the link or the location request.',
    location: 'Send a location', latitude: 'Latitude', longitude: 'Longitude', placeName: 'Place name', address: 'Address',
    contacts: 'Contacts to share', contact: 'Contact {n}', contactName: 'Name', contactPhone: 'Phone', contactEmail: 'Email', addContact: 'Add contact',
    reaction: 'Reaction to the customer\'s message', reactionHint: 'An emoji the bot reacts with to the message it got; when the turn did not start with a customer message (a timer), it is not sent.',
    more: 'More to send',
  },
});
