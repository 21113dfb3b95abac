// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/api-error.ts';
import type { NodeTrial } from '../../api/types.ts';
import { useLocale } from '../../i18n/index.ts';
import { renderInspector } from '../../testing/render-inspector.tsx';

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

  it('"try it" asks sample values for the variables the request reads and sends them with the unsaved data', async () => {
    const calls: unknown[] = [];
    renderInspector('api_call', {
      method: 'POST', url: 'https://crm.test/contactos/{{telefono}}?k={{secrets.KEY}}', body: '{"pedido":{{pedido.id}},"n":"{{contact.name}}"}',
    }, {
      tryApiCall: async (nodeId, data, variables) => {
        calls.push([nodeId, data.url, variables]);
        return trial;
      },
    });
    // Only flow variables: contact, message and secrets are the server's to fill.
    expect(screen.getByTestId('try-samples').querySelectorAll('input')).toHaveLength(2);
    fireEvent.change(screen.getByTestId('try-sample-telefono'), { target: { value: '5491155550000' } });
    fireEvent.change(screen.getByTestId('try-sample-pedido'), { target: { value: '{"id": 41}' } });
    fireEvent.click(screen.getByTestId('try-api-call'));
    await screen.findByTestId('try-api-call-result');
    expect(calls).toEqual([['n', 'https://crm.test/contactos/{{telefono}}?k={{secrets.KEY}}', { telefono: '5491155550000', pedido: { id: 41 } }]]);
  });

  it('shows status, duration, the output it would take, the variables it would set, and the pretty response', async () => {
    renderInspector('api_call', { method: 'GET', url: 'https://crm.test/x' }, { tryApiCall: async () => trial });
    fireEvent.click(screen.getByTestId('try-api-call'));
    const result = await screen.findByTestId('try-api-call-result');
    expect(screen.getByTestId('try-status').textContent).toBe('HTTP 200');
    expect(screen.getByTestId('try-status').className).toContain('try-status--ok');
    expect(result.textContent).toContain('87 ms');
    expect(screen.getByTestId('try-output').textContent).toBe('Saldría por «éxito»');
    expect(screen.getByTestId('try-variables').textContent).toContain('nivel"gold"');
    expect(screen.getByTestId('try-variables').textContent).toContain('Borraría (no está en la respuesta): falta');
    expect(screen.getByTestId('try-response-body').textContent).toBe(JSON.stringify(trial.response!.body, null, 2));
    expect(screen.getByTestId('try-request').textContent).toContain('Authorization: Bearer ••••');
  });

  it('goes away cleanly when the node is left, even where scrollIntoView returns a Promise (recent Chromium)', async () => {
    const scroll = vi.fn(() => Promise.resolve());
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { value: scroll, configurable: true });
    try {
      const { unmount } = renderInspector('api_call', { method: 'GET', url: 'https://crm.test/x' }, { tryApiCall: async () => trial });
      fireEvent.click(screen.getByTestId('try-api-call'));
      await screen.findByTestId('try-api-call-result');
      await waitFor(() => expect(scroll).toHaveBeenCalled());
      expect(() => unmount()).not.toThrow();
    } finally {
      delete (HTMLElement.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('colours a 500 red and explains a call that got no answer, in the chosen language', async () => {
    const failed: NodeTrial = { ...trial, response: { status: 500, headers: {}, body: { error: 'down' }, truncated: false }, outputs: { output: 'error', variables: { codigo: 500 }, unset: [] } };
    renderInspector('api_call', { method: 'GET', url: 'https://crm.test/x' }, { tryApiCall: async () => failed });
    fireEvent.click(screen.getByTestId('try-api-call'));
    await screen.findByTestId('try-api-call-result');
    expect(screen.getByTestId('try-status').className).toContain('try-status--bad');
    expect(screen.getByTestId('try-output').textContent).toBe('Saldría por «error»');
    cleanup();

    const blocked: NodeTrial = { ...trial, response: undefined, error: { code: 'refused_address', message: 'refused_address: 127.0.0.1 (loopback)' }, outputs: { output: 'error', variables: {}, unset: [] } };
    renderInspector('api_call', { method: 'GET', url: 'http://127.0.0.1/x' }, { tryApiCall: async () => blocked });
    useLocale.getState().setLocale('en');
    fireEvent.click(screen.getByTestId('try-api-call'));
    await screen.findByTestId('try-api-call-result');
    expect(screen.getByTestId('try-status').textContent).toBe('No answer');
    expect(screen.getByTestId('try-error').textContent).toContain('The address is local or private: blocked');
    expect(screen.getByTestId('try-error').textContent).toContain('127.0.0.1 (loopback)');
    expect(screen.getByTestId('try-variables').textContent).toBe('Would store no variable');
    expect(screen.queryByTestId('try-response')).toBeNull();
  });

  it("shows the server's refusal (a 422, worded by its code, with its problems), and says so when trying is not available", async () => {
    const refusal = new ApiError(422, 'node_data_invalid', 'Node "n" has 1 error(s)', { problems: [{ pointer: '/nodes/0/data/url', message: 'not http' }] });
    renderInspector('api_call', { method: 'GET', url: 'ftp://x' }, { tryApiCall: async () => { throw refusal; } });
    fireEvent.click(screen.getByTestId('try-api-call'));
    expect((await screen.findByTestId('try-api-call-result')).textContent).toBe('Falló: El nodo tiene errores (1): corregilos antes de probarlo. not http.');
    cleanup();
    renderInspector('api_call', { method: 'GET', url: 'https://api.test/x' });
    expect(screen.getByText('Probar no está disponible aquí')).toBeTruthy();
  });
});

const trial: NodeTrial = {
  request: { method: 'GET', url: 'https://crm.test/x?k=••••', headers: { Authorization: 'Bearer ••••' }, timeoutMs: 5000 },
  response: { status: 200, headers: { 'content-type': 'application/json' }, body: { data: { tier: 'gold', orders: [{ id: 41 }] } }, truncated: false },
  durationMs: 87,
  outputs: { output: 'success', variables: { nivel: 'gold' }, unset: ['falta'] },
};
