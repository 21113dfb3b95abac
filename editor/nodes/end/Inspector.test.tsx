// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('end inspector', () => {
  it('edits the optional goodbye and removes it when cleared', () => {
    const { data } = renderInspector('end', {});
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: '¡Gracias!' } });
    expect(data()).toEqual({ text: '¡Gracias!' });
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: '' } });
    expect(data()).toEqual({});
  });

  it('is read-only for testers', () => {
    renderInspector('end', { text: 'Chau' }, { readOnly: true });
    expect((screen.getByTestId('field-text') as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByTestId('inspector-delete')).toBeNull();
  });
});
