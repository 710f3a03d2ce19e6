/** The operators a numeric threshold can use; `==` and `!=` also compare words. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** Every comparison operator, longest first where one is a prefix of another. */
export const COMPARISON_OPERATORS = [
  '<=',
  '>=',
  '==',
  '!=',
  '<',
  '>',
] as const satisfies readonly ComparisonOperator[];

/** The operators a word threshold can use. */
export type WordOperator = Extract<ComparisonOperator, '==' | '!='>;

/** Every word operator. */
export const WORD_OPERATORS = ['==', '!='] as const satisfies readonly WordOperator[];

/** True for the operators that can also compare words. */
export function isWordOperator(operator: ComparisonOperator): operator is WordOperator {
  return (WORD_OPERATORS as readonly ComparisonOperator[]).includes(operator);
}
