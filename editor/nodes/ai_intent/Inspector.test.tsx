// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('AI intent inspector', () => {
  it('edits intents with their examples, one per line', () => {
    const { data } = renderInspector('ai_intent', { intents: [{ id: 'pedir', description: '', examples: [] }] });
    fireEvent.change(screen.getByTestId('field-intents.0.description'), { target: { value: 'Quiere pedir' } });
    fireEvent.change(screen.getByTestId('field-intents.0.examples'), { target: { value: 'quiero una pizza\nme mandás una grande' } });
    expect(data().intents[0]).toEqual({ id: 'pedir', description: 'Quiere pedir', examples: ['quiero una pizza', 'me mandás una grande'] });
    expect(screen.getByText('2 ejemplos')).toBeTruthy();
  });

  it('adds intents with fresh ids and keeps typed ids valid', () => {
    const { data } = renderInspector('ai_intent', { intents: [{ id: 'pedir', description: 'a', examples: [] }] });
    fireEvent.click(screen.getByTestId('list-intents-add'));
    fireEvent.change(screen.getByTestId('field-intents.1.id'), { target: { value: 'Estado Pedido' } });
    expect(data().intents[1]!.id).toBe('estado_pedido');
  });

  it('sets the question, confidence and variable', () => {
    const { data } = renderInspector('ai_intent', { intents: [{ id: 'pedir', description: 'a', examples: [] }] });
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: '¿En qué te ayudo?' } });
    fireEvent.change(screen.getByTestId('field-minConfidence'), { target: { value: '0.75' } });
    fireEvent.change(screen.getByTestId('field-variable'), { target: { value: 'intencion' } });
    expect(data()).toMatchObject({ text: '¿En qué te ayudo?', minConfidence: 0.75, variable: 'intencion' });
  });
});

describe('AI intent examples', () => {
  it('drops empty lines when the examples field loses focus', () => {
    const { data } = renderInspector('ai_intent', { intents: [{ id: 'pedir', description: 'a', examples: [] }] });
    const field = screen.getByTestId('field-intents.0.examples');
    fireEvent.change(field, { target: { value: 'una pizza\n\n' } });
    expect(data().intents[0]!.examples).toEqual(['una pizza', '', '']);
    fireEvent.blur(field);
    expect(data().intents[0]!.examples).toEqual(['una pizza']);
  });
});
