import { Type } from '@sinclair/typebox';
import { defineNodeKind, nodeSchema } from './common.ts';
import { describePath, type LabelTree } from './manifest.ts';
import { sampleNodes } from '../fixtures/generate-flow.ts';
import { NODE_KINDS, nodeKindOutputName, nodeKinds, nodeOutputLabel, nodeOutputs, type FlowNode } from './registry.ts';

const tree: LabelTree = {
  text: ['el texto', 'o texto', 'the text'],
  options: {
    label: ['las opciones', 'as opções', 'the options'],
    item: ['la opción {n}', 'a opção {n}', 'option {n}'],
    fields: { title: ['el título', 'o título', 'the title'] },
  },
  layout: { transparent: true, label: ['el diseño', 'o layout', 'the layout'], fields: { type: ['el tipo', 'o tipo', 'the type'] } },
};

describe('node kind manifests', () => {
  it('name a path innermost first, items counted from 1, transparent groups only where the path ends', () => {
    expect(describePath(['options', '1', 'title'], tree, 'es')).toBe('el título de la opción 2');
    expect(describePath(['options'], tree, 'en')).toBe('the options');
    expect(describePath(['layout', 'type'], tree, 'en')).toBe('the type');
    expect(describePath(['layout'], tree, 'en')).toBe('the layout');
    expect(describePath(['options', '0', '{odd}'], tree, 'es')).toBe('«odd» de la opción 1');
    expect(describePath(['text', 'deeper'], tree, 'en')).toBe('«deeper» of the text');
    expect(describePath([], tree, 'en')).toBeUndefined();
  });

  it('give every kind a name, a summary and labelled outputs in the three locales', () => {
    for (const kind of NODE_KINDS) {
      const { manifest } = nodeKinds[kind];
      expect(manifest.name.every((words) => words.trim() !== ''), kind).toBe(true);
      expect(manifest.summary, kind).toMatch(/\.$/);
      for (const words of Object.values(manifest.outputs)) expect(words.every((word) => word.trim() !== ''), kind).toBe(true);
    }
  });

  it('label every output a node has that no item of it names, also with its optional outputs on', () => {
    for (const kind of NODE_KINDS) {
      const node = sampleNodes[kind](`${kind}_0`, 0) as FlowNode;
      const everything = { ...node, data: { ...node.data, timeoutSeconds: 60, businessHoursOnly: true, unansweredSeconds: 60 } } as unknown as FlowNode;
      for (const output of [...nodeOutputs(node), ...nodeOutputs(everything)]) {
        if (nodeOutputLabel(node, output) !== undefined) continue;
        expect(nodeKindOutputName(kind, output, 'es'), `${kind} ${output}`).toBeDefined();
      }
    }
  });

  it('refuse, at compile time, a field without a label', () => {
    const schema = nodeSchema('sample', Type.Object({ text: Type.String(), extra: Type.Optional(Type.Number()) }));
    const spec = defineNodeKind({
      schema,
      manifest: {
        name: ['Muestra', 'Amostra', 'Sample'],
        summary: 'A sample.',
        // @ts-expect-error `extra` has no label: adding a field to a kind's data means naming it
        fields: { text: ['el texto', 'o texto', 'the text'] },
        outputs: {},
      },
      waits: () => false,
    });
    expect(Object.keys(spec.manifest.fields)).toEqual(['text']);
  });
});
