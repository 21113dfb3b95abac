// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

describe('message inspector', () => {
  it('edits the text, counting against the 4096 limit, red past it', () => {
    const { data } = renderInspector('message', { text: '' });
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: 'Hola' } });
    expect(data().text).toBe('Hola');
    expect(screen.getByTestId('counter-text').textContent).toBe('4/4096');
    fireEvent.change(screen.getByTestId('field-text'), { target: { value: 'x'.repeat(4097) } });
    expect(screen.getByTestId('counter-text').className).toContain('insp-counter--over');
    expect(screen.getByTestId('field-text').getAttribute('aria-invalid')).toBe('true');
  });

  it('inserts a variable from the picker into the text', () => {
    const { data } = renderInspector('message', { text: 'Hola ' });
    const input = screen.getByTestId('field-text') as HTMLTextAreaElement;
    input.setSelectionRange(5, 5);
    fireEvent.click(screen.getAllByRole('button', { name: 'Insertar variable' })[0]!);
    fireEvent.click(screen.getByRole('option', { name: '{{contact.name}}' }));
    expect(data().text).toBe('Hola {{contact.name}}');
  });

  it('attaches media with a URL and a caption, and removes it', () => {
    const { data } = renderInspector('message', { text: 'Mirá' });
    fireEvent.change(screen.getByTestId('field-media.kind'), { target: { value: 'image' } });
    fireEvent.change(screen.getByTestId('field-media.url'), { target: { value: 'https://x.test/a.png' } });
    fireEvent.change(screen.getByTestId('field-media.caption'), { target: { value: 'Foto' } });
    expect(data().media).toEqual({ kind: 'image', url: 'https://x.test/a.png', caption: 'Foto' });
    fireEvent.change(screen.getByTestId('field-media.kind'), { target: { value: 'none' } });
    expect(data()).toEqual({ text: 'Mirá' });
  });
});
