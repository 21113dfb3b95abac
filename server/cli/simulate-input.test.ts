import { webhookMessageToEvent } from '../../runtime/whatsapp/inbound.ts';
import { rememberOffer, simulatorInput, type LastOffer } from './simulate-input.ts';

const base = { from: '5491100000000', id: 'wamid.sim.1', timestamp: '1764000000' };

function eventOf(line: string, offer: LastOffer = { buttons: [], rows: [] }) {
  const input = simulatorInput(line, offer, base);
  return input.kind === 'message' ? webhookMessageToEvent(input.message) : input;
}

describe('simulator input lines', () => {
  const offer: LastOffer = { buttons: [], rows: [] };
  rememberOffer(offer, { type: 'buttons', body: 'b', buttons: [{ id: 'si', title: 'Sí' }] });
  rememberOffer(offer, { type: 'list', body: 'b', button: 'Ver', rows: [{ id: 'muzza', title: 'Muzzarella', description: 'Clásica' }] });
  rememberOffer(offer, { type: 'form', body: 'b', cta: 'Completar', flowToken: 'ft_1', flowName: 'f', screen: 'S', nodeId: 'n' });

  it.each([
    ['hola', { type: 'text', text: 'hola' }],
    ['  #hashtag  ', { type: 'text', text: '#hashtag' }],
    ['#button:si', { type: 'button_reply', id: 'si', title: 'Sí' }],
    ['#button:otro', { type: 'button_reply', id: 'otro', title: 'otro' }],
    ['#list:muzza', { type: 'list_reply', id: 'muzza', title: 'Muzzarella', description: 'Clásica' }],
    ['#form:{"nombre":"Ana"}', { type: 'form_reply', flowToken: 'ft_1', response: { flow_token: 'ft_1', nombre: 'Ana' } }],
    ['#form:{"flow_token":"mio","nombre":"Ana"}', { type: 'form_reply', flowToken: 'mio', response: { flow_token: 'mio', nombre: 'Ana' } }],
    ['#image', { type: 'media', media: 'image', mediaId: 'sim-media-wamid.sim.1', mimeType: 'image/jpeg' }],
    ['#image:comprobante', { type: 'media', media: 'image', mediaId: 'sim-media-wamid.sim.1', mimeType: 'image/jpeg', caption: 'comprobante' }],
    ['#location:-34.6037, -58.3816', { type: 'location', latitude: -34.6037, longitude: -58.3816 }],
    ['#resolve', { kind: 'resolve' }],
    ['#wait:90s', { kind: 'wait', ms: 90_000 }],
    ['#wait:30m', { kind: 'wait', ms: 1_800_000 }],
    ['#wait:2h', { kind: 'wait', ms: 7_200_000 }],
    ['#wait:1d', { kind: 'wait', ms: 86_400_000 }],
    ['#wait:soon', { kind: 'error', error: '#wait needs a duration like 90s, 30m, 2h or 1d, got "soon"' }],
    ['   ', { kind: 'skip' }],
  ])('reads %j', (line, expected) => {
    expect(eventOf(line, offer)).toEqual(expected);
  });

  it('sends a form reply without a token when the bot never sent a form', () => {
    expect(eventOf('#form:{"a":1}')).toEqual({ type: 'form_reply', response: { a: 1 } });
  });

  it.each([
    ['#form:{nope', /^#form needs a JSON object: /],
    ['#form:[1]', /^#form needs a JSON object, like/],
    ['#location:1', /^#location needs LAT,LON/],
    ['#location:1,2,3', /^#location needs LAT,LON/],
  ])('reports %j as an error', (line, message) => {
    expect(eventOf(line)).toEqual({ kind: 'error', error: expect.stringMatching(message) });
  });
});
