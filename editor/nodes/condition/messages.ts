import { defineMessages } from '../../i18n/index.ts';

export const messages = defineMessages({
  es: {
    branches: 'Ramas (gana la primera que se cumple)', branch: 'Rama {n}', label: 'Nombre', match: 'Se cumple si', all: 'todas las reglas', any: 'alguna regla',
    rules: 'Reglas', rule: 'Regla {n}', left: 'Valor', op: 'Operador', right: 'Comparar con', addBranch: 'Agregar rama', addRule: 'Agregar regla',
    equals: 'es igual a', not_equals: 'no es igual a', contains: 'contiene', starts_with: 'empieza con', greater_than: 'es mayor que',
    less_than: 'es menor que', is_empty: 'está vacío', is_not_empty: 'no está vacío', matches: 'cumple el patrón',
    within_business_hours: 'estamos en horario de atención', outside_business_hours: 'estamos fuera de horario',
  },
  pt: {
    branches: 'Ramos (vence o primeiro que se cumpre)', branch: 'Ramo {n}', label: 'Nome', match: 'Cumpre-se se', all: 'todas as regras', any: 'alguma regra',
    rules: 'Regras', rule: 'Regra {n}', left: 'Valor', op: 'Operador', right: 'Comparar com', addBranch: 'Adicionar ramo', addRule: 'Adicionar regra',
    equals: 'é igual a', not_equals: 'não é igual a', contains: 'contém', starts_with: 'começa com', greater_than: 'é maior que',
    less_than: 'é menor que', is_empty: 'está vazio', is_not_empty: 'não está vazio', matches: 'segue o padrão',
    within_business_hours: 'estamos no horário de atendimento', outside_business_hours: 'estamos fora do horário',
  },
  en: {
    branches: 'Branches (the first that holds wins)', branch: 'Branch {n}', label: 'Name', match: 'Holds when', all: 'all rules', any: 'any rule',
    rules: 'Rules', rule: 'Rule {n}', left: 'Value', op: 'Operator', right: 'Compare with', addBranch: 'Add branch', addRule: 'Add rule',
    equals: 'equals', not_equals: 'does not equal', contains: 'contains', starts_with: 'starts with', greater_than: 'is greater than',
    less_than: 'is less than', is_empty: 'is empty', is_not_empty: 'is not empty', matches: 'matches',
    within_business_hours: 'we are within business hours', outside_business_hours: 'we are outside business hours',
  },
});
