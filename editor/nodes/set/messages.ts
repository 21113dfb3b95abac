import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: { assignments: 'Asignaciones', assignment: 'Asignación {n}', variable: 'Variable', value: 'Valor', addAssignment: 'Agregar asignación' },
  pt: { assignments: 'Atribuições', assignment: 'Atribuição {n}', variable: 'Variável', value: 'Valor', addAssignment: 'Adicionar atribuição' },
  en: { assignments: 'Assignments', assignment: 'Assignment {n}', variable: 'Variable', value: 'Value', addAssignment: 'Add assignment' },
});
