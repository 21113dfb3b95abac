import type { FlowNode, NodeKind } from '../../schema/index.ts';
import { findNodes } from './find-nodes.ts';

const nodes: FlowNode[] = [
  { id: 'consultar_precio', type: 'api_call', position: { x: 0, y: 0 }, data: { method: 'GET', url: 'https://crm.test/precio', timeoutMs: 5000 } } as FlowNode,
  { id: 'menu_principal', type: 'menu', label: 'Principal', position: { x: 0, y: 0 }, data: { text: '¿Qué querés?', options: [{ id: 'envio', title: 'Envío a domicilio' }] } },
  { id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } },
];
const spanish: Record<string, string> = { api_call: 'Llamada API', menu: 'Menú', message: 'Mensaje' };
const kindLabel = (kind: NodeKind) => spanish[kind] ?? kind;
const ids = (query: string) => findNodes(nodes, query, kindLabel).map((node) => node.id);

describe('finding nodes', () => {
  it('matches the kind as the card header names it', () => {
    expect(ids('Llamada')).toEqual(['consultar_precio']);
    expect(ids('menu')).toEqual(['menu_principal']); // the id too; accents ignored
  });

  it('matches texts, option titles, names and ids, ignoring case and accents', () => {
    expect(ids('ENVIO')).toEqual(['menu_principal']);
    expect(ids('principal')).toEqual(['menu_principal']);
    expect(ids('hol')).toEqual(['hola']);
    expect(ids('  ')).toEqual([]);
    expect(ids('nada parecido')).toEqual([]);
  });
});
