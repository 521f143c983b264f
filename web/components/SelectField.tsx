import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode, SelectHTMLAttributes } from 'react';

type SelectFieldProps = {
  id: string;
  label: ReactNode;
  error?: ReactNode;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'multiple' | 'size' | 'children'>;

/**
 * Label + native select + validation message, wired together by designsystemet's Field
 * (label `for`, aria-describedby to the message). Designsystemet has a composed Textfield but no
 * composed select, so this is that missing piece.
 */
export function SelectField({ id, label, error, children, className, ...selectProps }: SelectFieldProps) {
  return (
    <Field className={className}>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} aria-invalid={error ? true : undefined} {...selectProps}>
        {children}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

/** The options of a select for a list of codes, each labelled by `label(code)`. */
export function CodeOptions<C extends string>({ codes, label }: { codes: readonly C[]; label: (code: C) => string }) {
  return codes.map((code) => (
    <option key={code} value={code}>
      {label(code)}
    </option>
  ));
}
