import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: { media: 'Adjunto', none: 'Ninguno', image: 'Imagen', video: 'Video', audio: 'Audio', document: 'Documento', url: 'URL del archivo', caption: 'Leyenda', filename: 'Nombre del archivo' },
  pt: { media: 'Anexo', none: 'Nenhum', image: 'Imagem', video: 'Vídeo', audio: 'Áudio', document: 'Documento', url: 'URL do arquivo', caption: 'Legenda', filename: 'Nome do arquivo' },
  en: { media: 'Attachment', none: 'None', image: 'Image', video: 'Video', audio: 'Audio', document: 'Document', url: 'File URL', caption: 'Caption', filename: 'File name' },
});
