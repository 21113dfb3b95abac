// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('handoff inspector', () => {
  it('edits the notice, queue and note; clearing one removes it', () => {
    const { data } = renderInspector('handoff', {});
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: 'Te paso con una persona' } });
    fireEvent.change(screen.getByTestId('field-queue'), { target: { value: 'ventas' } });
    fireEvent.change(screen.getByTestId('field-note'), { target: { value: 'Cliente {{contact.name}}' } });
    expect(data()).toEqual({ text: 'Te paso con una persona', queue: 'ventas', note: 'Cliente {{contact.name}}' });
    fireEvent.change(screen.getByTestId('field-queue'), { target: { value: '' } });
    expect('queue' in data()).toBe(false);
  });
});
