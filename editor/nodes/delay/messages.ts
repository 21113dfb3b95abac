import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: { seconds: 'Pausa (segundos)', hint: 'Espera antes del siguiente mensaje; el cliente ve «escribiendo…» (WhatsApp lo muestra hasta 25 s). Si el cliente escribe antes, sigue en el acto.', pause: 'Pausa de {seconds} s' },
  pt: { seconds: 'Pausa (segundos)', hint: 'Espera antes da próxima mensagem; o cliente vê «digitando…» (o WhatsApp mostra até 25 s). Se o cliente escrever antes, segue na hora.', pause: 'Pausa de {seconds} s' },
  en: { seconds: 'Pause (seconds)', hint: 'Waits before the next message; the customer sees “typing…” (WhatsApp shows it for up to 25 s). If the customer writes first, it goes on at once.', pause: '{seconds} s pause' },
});
