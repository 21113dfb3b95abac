// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

const menu = { text: 'Elegí', options: [{ id: 'pizza', title: 'Pizza' }, { id: 'bebida', title: 'Bebida' }] };

describe('menu inspector', () => {
  it('edits option titles with the 20-character button limit', () => {
    const { data } = renderInspector('menu', menu);
    fireEvent.change(screen.getByTestId('field-options.1.title'), { target: { value: 'Una bebida bien fría!' } });
    expect(data().options[1]).toEqual({ id: 'bebida', title: 'Una bebida bien fría!' });
    expect(screen.getByTestId('counter-options.1.title').textContent).toBe('21/20');
    expect(screen.getByTestId('counter-options.1.title').className).toContain('insp-counter--over');
  });

  it('adds options with fresh ids; past 3 the menu is a list (24 characters, descriptions, list button)', () => {
    const { data } = renderInspector('menu', menu);
    fireEvent.click(screen.getByTestId('list-options-add'));
    expect(data().options.map((option) => option.id)).toEqual(['pizza', 'bebida', 'opcion_1']);
    expect(screen.queryByTestId('field-listButton')).toBeNull();
    fireEvent.click(screen.getByTestId('list-options-add'));
    expect(screen.getByTestId('counter-options.0.title').textContent).toBe('5/24');
    fireEvent.change(screen.getByTestId('field-options.0.description'), { target: { value: 'Muzza o napo' } });
    fireEvent.change(screen.getByTestId('field-listButton'), { target: { value: 'Ver menú' } });
    expect(data().options[0]!.description).toBe('Muzza o napo');
    expect(data().listButton).toBe('Ver menú');
  });

  it('names a new option in the flow’s language, whatever the UI language', () => {
    const { data, store } = renderInspector('menu', menu);
    act(() => store.getState().updateFlowInfo({ language: 'en' }));
    fireEvent.click(screen.getByTestId('list-options-add'));
    expect(data().options[2]).toEqual({ id: 'option_1', title: 'Option 3' });
  });

  it('reorders and removes options, never below one', () => {
    const { data } = renderInspector('menu', menu);
    fireEvent.click(screen.getByTestId('list-options-0-down'));
    expect(data().options.map((option) => option.id)).toEqual(['bebida', 'pizza']);
    fireEvent.click(screen.getByTestId('list-options-1-remove'));
    expect(data().options.map((option) => option.id)).toEqual(['bebida']);
    expect((screen.getByTestId('list-options-0-remove') as HTMLButtonElement).disabled).toBe(true);
  });

  it('edits header, footer, invalid text and retries; clearing an optional field removes it', () => {
    const { data } = renderInspector('menu', menu);
    fireEvent.change(screen.getByTestId('field-header'), { target: { value: 'Don Pepe' } });
    fireEvent.change(screen.getByTestId('field-maxRetries'), { target: { value: '3' } });
    expect(data()).toMatchObject({ header: 'Don Pepe', maxRetries: 3 });
    fireEvent.change(screen.getByTestId('field-header'), { target: { value: '' } });
    expect('header' in data()).toBe(false);
  });
});
