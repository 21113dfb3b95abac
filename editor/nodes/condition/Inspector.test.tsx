// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInspector } from '../../testing/render-inspector.tsx';

afterEach(cleanup);

const condition = { branches: [{ id: 'mayor', match: 'all' as const, rules: [{ left: '{{edad}}', op: 'greater_than' as const, right: '17' }] }] };

describe('condition inspector', () => {
  it('builds rules: value, operator, comparison; unary operators drop the right side', () => {
    const { data } = renderInspector('condition', condition);
    fireEvent.change(screen.getByTestId('field-branches.0.rules.0.right'), { target: { value: '20' } });
    expect(data().branches[0]!.rules[0]).toEqual({ left: '{{edad}}', op: 'greater_than', right: '20' });
    fireEvent.change(screen.getByTestId('field-branches.0.rules.0.op'), { target: { value: 'is_empty' } });
    expect(data().branches[0]!.rules[0]).toEqual({ left: '{{edad}}', op: 'is_empty' });
    expect(screen.queryByTestId('field-branches.0.rules.0.right')).toBeNull();
  });

  it('adds rules and branches, names a branch and switches all/any', () => {
    const { data } = renderInspector('condition', condition);
    fireEvent.click(screen.getByTestId('list-branches.0.rules-add'));
    fireEvent.change(screen.getByTestId('field-branches.0.match'), { target: { value: 'any' } });
    fireEvent.change(screen.getByTestId('field-branches.0.label'), { target: { value: 'Mayor de edad' } });
    fireEvent.click(screen.getByTestId('list-branches-add'));
    const [first, second] = data().branches;
    expect(first).toMatchObject({ id: 'mayor', match: 'any', label: 'Mayor de edad' });
    expect(first!.rules).toHaveLength(2);
    expect(second).toMatchObject({ id: 'rama_1', match: 'all' });
  });

  it('reorders branches (the first that holds wins)', () => {
    const { data } = renderInspector('condition', { branches: [...condition.branches, { id: 'otra', match: 'all', rules: [{ left: 'a', op: 'equals', right: 'b' }] }] });
    fireEvent.click(screen.getByTestId('list-branches-1-up'));
    expect(data().branches.map((branch) => branch.id)).toEqual(['otra', 'mayor']);
  });
});
