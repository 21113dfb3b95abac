// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('AI answer inspector', () => {
  it('sets the question, confidence and variable', () => {
    const { data } = renderInspector('ai_answer', {});
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: '¿Qué querés saber?' } });
    fireEvent.change(screen.getByTestId('field-minConfidence'), { target: { value: '0.7' } });
    fireEvent.change(screen.getByTestId('field-variable'), { target: { value: 'respuesta' } });
    expect(data()).toEqual({ text: '¿Qué querés saber?', minConfidence: 0.7, variable: 'respuesta' });
  });

  it('says when the flow has no knowledge to answer from', () => {
    renderInspector('ai_answer', {});
    expect(screen.getByTestId('ai-answer-knowledge').textContent).toContain('todavía no tiene conocimiento');
  });
});
