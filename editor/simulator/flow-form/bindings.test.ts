import { resolveBindings } from './bindings.ts';
import { fieldProblem, requiredFilled } from './field-rules.ts';

describe('Flow JSON bindings', () => {
  const scope = { form: { pago: 'efectivo', extras: ['queso'], acepto: true }, data: { direccion: 'Av. Siempreviva 742', pedido: { total: 12 } } };

  it('keeps the type of a whole binding, interpolates inside text and leaves out empty inputs', () => {
    expect(resolveBindings({
      pago: '${form.pago}', extras: '${form.extras}', acepto: '${form.acepto}', total: '${data.pedido.total}',
      resumen: 'Envío a ${data.direccion} (${form.pago})', piso: '${form.piso}', fijo: 'x',
    }, scope)).toEqual({
      pago: 'efectivo', extras: ['queso'], acepto: true, total: 12, resumen: 'Envío a Av. Siempreviva 742 (efectivo)', fijo: 'x',
    });
  });
});

describe('WhatsApp Flows field rules', () => {
  it('checks required, length and input types as WhatsApp would', () => {
    const input = { type: 'TextInput', name: 'email', 'input-type': 'email', required: true, 'min-chars': 6 };
    expect(fieldProblem(input, '')).toEqual({ key: 'required' });
    expect(fieldProblem(input, 'a@b.c')).toEqual({ key: 'minChars', n: 6 });
    expect(fieldProblem(input, 'nope-at-all')).toEqual({ key: 'email' });
    expect(fieldProblem(input, 'ana@example.com')).toBeNull();
    expect(fieldProblem({ type: 'TextArea', name: 'nota', 'max-length': 3 }, 'abcd')).toEqual({ key: 'maxChars', n: 3 });
    expect(fieldProblem({ type: 'OptIn', name: 'acepto', required: true }, false)).toEqual({ key: 'required' });
    expect(requiredFilled([input, { type: 'TextBody', text: 'hola' }], { email: 'x' })).toBe(true);
    expect(requiredFilled([input], {})).toBe(false);
  });
});
