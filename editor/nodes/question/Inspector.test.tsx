// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('question inspector', () => {
  it('edits the text and the variable', () => {
    const { data } = renderInspector('question', { text: '', variable: 'x', input: 'text' });
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: '¿Tu DNI?' } });
    fireEvent.change(screen.getByTestId('field-variable'), { target: { value: 'dni' } });
    expect(data()).toMatchObject({ text: '¿Tu DNI?', variable: 'dni' });
  });

  it('a regex input shows the pattern, warns about an invalid one, and drops it when the type changes', () => {
    const { data } = renderInspector('question', { text: 'DNI', variable: 'dni', input: 'text' });
    expect(screen.queryByTestId('field-pattern')).toBeNull();
    fireEvent.change(screen.getByTestId('field-input'), { target: { value: 'regex' } });
    fireEvent.change(screen.getByTestId('field-pattern'), { target: { value: '^[0-9' } });
    // An error, not a hint: red, announced, and the input marked invalid and described by it.
    const error = screen.getByRole('alert');
    expect(error.textContent).toBe('El patrón no es una expresión regular válida');
    expect(error.className).toContain('insp-hint--error');
    expect(screen.getByTestId('field-pattern').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('field-pattern').getAttribute('aria-describedby')).toBe(error.id);
    fireEvent.change(screen.getByTestId('field-pattern'), { target: { value: '^[0-9]{8}$' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('field-pattern').getAttribute('aria-invalid')).toBeNull();
    expect(data()).toMatchObject({ input: 'regex', pattern: '^[0-9]{8}$' });
    fireEvent.change(screen.getByTestId('field-input'), { target: { value: 'email' } });
    expect(data().pattern).toBeUndefined();
  });

  it('bounds a number by value and a text by length', () => {
    const { data } = renderInspector('question', { text: 'Edad', variable: 'edad', input: 'number' });
    expect(screen.getByLabelText('Valor mínimo')).toBeTruthy();
    fireEvent.change(screen.getByTestId('field-min'), { target: { value: '18' } });
    fireEvent.change(screen.getByTestId('field-max'), { target: { value: '120' } });
    expect(data()).toMatchObject({ min: 18, max: 120 });
    fireEvent.change(screen.getByTestId('field-input'), { target: { value: 'text' } });
    expect(screen.getByLabelText('Largo mínimo')).toBeTruthy();
    fireEvent.change(screen.getByTestId('field-min'), { target: { value: '' } });
    expect(data().min).toBeUndefined();
  });
});
