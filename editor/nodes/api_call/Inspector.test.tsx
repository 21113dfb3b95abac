// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../inspector/render-inspector.tsx';

afterEach(cleanup);

describe('API call inspector', () => {
  it('edits method, URL, headers, body and the values to store', () => {
    const { data } = renderInspector('api_call', { method: 'GET', url: 'https://' });
    fireEvent.change(screen.getByTestId('field-method'), { target: { value: 'POST' } });
    fireEvent.change(screen.getByTestId('field-url'), { target: { value: 'https://api.test/precio/{{pizza}}' } });
    fireEvent.click(screen.getByTestId('list-headers-add'));
    fireEvent.change(screen.getByTestId('field-headers.0.name'), { target: { value: 'Authorization' } });
    fireEvent.change(screen.getByTestId('field-headers.0.value'), { target: { value: 'Bearer {{secrets.TOKEN}}' } });
    fireEvent.change(screen.getByTestId('field-body'), { target: { value: '{"id":"{{pizza}}"}' } });
    fireEvent.click(screen.getByTestId('list-outputs-add'));
    fireEvent.change(screen.getByTestId('field-outputs.0.variable'), { target: { value: 'precio' } });
    fireEvent.change(screen.getByTestId('field-outputs.0.path'), { target: { value: 'data.price' } });
    expect(data()).toEqual({
      method: 'POST', url: 'https://api.test/precio/{{pizza}}', body: '{"id":"{{pizza}}"}',
      headers: [{ name: 'Authorization', value: 'Bearer {{secrets.TOKEN}}' }],
      outputs: [{ variable: 'precio', path: 'data.price' }],
    });
    fireEvent.click(screen.getByTestId('list-headers-0-remove'));
    expect('headers' in data()).toBe(false);
  });

  it('"try it" sends the node to the given function and shows the answer', async () => {
    const calls: unknown[] = [];
    renderInspector('api_call', { method: 'GET', url: 'https://api.test/x' }, {
      tryApiCall: async (nodeId, data) => {
        calls.push([nodeId, data.url]);
        return { ok: true, status: 200, body: { price: 12 }, variables: { precio: 12 } };
      },
    });
    fireEvent.click(screen.getByTestId('try-api-call'));
    const result = await screen.findByTestId('try-api-call-result');
    expect(calls).toEqual([['n', 'https://api.test/x']]);
    expect(result.textContent).toContain('Estado 200');
    expect(result.textContent).toContain('"precio": 12');
  });

  it('shows a failure, and says so when trying is not available', async () => {
    renderInspector('api_call', { method: 'GET', url: 'https://api.test/x' }, { tryApiCall: async () => { throw new Error('timeout'); } });
    fireEvent.click(screen.getByTestId('try-api-call'));
    expect((await screen.findByTestId('try-api-call-result')).textContent).toContain('Falló: timeout');
    cleanup();
    renderInspector('api_call', { method: 'GET', url: 'https://api.test/x' });
    expect(screen.getByText('Probar no está disponible aquí')).toBeTruthy();
  });
});
