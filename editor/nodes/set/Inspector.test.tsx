// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('set inspector', () => {
  it('edits, adds and removes assignments', () => {
    const { data } = renderInspector('set', { assignments: [{ variable: 'total', value: '' }] });
    fireEvent.change(screen.getByTestId('field-assignments.0.value'), { target: { value: '{{precio}}' } });
    fireEvent.click(screen.getByTestId('list-assignments-add'));
    fireEvent.change(screen.getByTestId('field-assignments.1.variable'), { target: { value: 'envio' } });
    expect(data().assignments).toEqual([{ variable: 'total', value: '{{precio}}' }, { variable: 'envio', value: '' }]);
    fireEvent.click(screen.getByTestId('list-assignments-0-remove'));
    expect(data().assignments).toEqual([{ variable: 'envio', value: '' }]);
  });

  it('offers the variables nodes set in the picker', () => {
    renderInspector('set', { assignments: [{ variable: 'total', value: '' }] });
    fireEvent.click(screen.getAllByRole('button', { name: 'Insertar variable' })[0]!);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['{{total}}', '{{contact.name}}', '{{contact.phone}}', '{{contact.username}}', '{{message.text}}']);
  });
});
