import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export type CheckboxOption = { value: string; label: ReactNode };

/**
 * A group of checkboxes with a legend (WCAG 1.3.1), an optional description and one validation
 * message for the group. Designsystemet wires the fieldset's name (legend + description) and puts
 * the message in every checkbox's aria-describedby and aria-invalid. The first checkbox gets `id`,
 * so an error summary can link to the group and move focus into it.
 */
export function CheckboxGroupField({
  id,
  legend,
  description,
  options,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: ReactNode;
  disabled?: boolean;
}) {
  // The result keeps the options' order, whatever order they were ticked in.
  const toggle = (changed: string, checked: boolean) =>
    onChange(options.map((option) => option.value).filter((v) => (v === changed ? checked : value.includes(v))));

  return (
    <Fieldset className="checkbox-group" disabled={disabled}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      {options.map((option, index) => (
        <Checkbox
          key={option.value}
          id={index === 0 ? id : `${id}-${option.value}`}
          label={option.label}
          value={option.value}
          checked={value.includes(option.value)}
          aria-invalid={error ? true : undefined}
          onChange={(event) => toggle(option.value, event.target.checked)}
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
