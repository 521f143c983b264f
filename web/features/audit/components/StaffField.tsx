import { Textfield } from '@digdir/designsystemet-react';
import type { ChangeEvent } from 'react';
import { SelectField } from '../../../components/SelectField';
import type { StaffOption } from '../audit.api';

/**
 * A staff member to pick: from the list for those who may list staff (`staff`), else by a typed-in
 * user id. An id from the URL that is not in the list still shows as chosen.
 */
export function StaffField({
  id,
  name,
  error,
  staff,
  value,
  onChange,
  required,
  listLabel,
  noneOption,
  idLabel,
  idDescription,
}: {
  id: string;
  name: string;
  error: string | undefined;
  staff: readonly StaffOption[] | null;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement | HTMLInputElement>) => void;
  required?: boolean;
  listLabel: string;
  /** The first option, the one for "nobody chosen". */
  noneOption: string;
  idLabel: string;
  idDescription: string;
}) {
  if (!staff) {
    return (
      <Textfield
        id={id}
        label={idLabel}
        description={idDescription}
        name={name}
        autoComplete="off"
        spellCheck={false}
        required={required}
        className="filter-form__wide"
        value={value}
        onChange={onChange}
        error={error}
      />
    );
  }
  const unlisted = value && !staff.some((s) => s.id === value) ? value : null;
  return (
    <SelectField
      id={id}
      label={listLabel}
      name={name}
      required={required}
      value={value}
      onChange={onChange}
      error={error}
    >
      <option value="">{noneOption}</option>
      {unlisted ? <option value={unlisted}>{unlisted}</option> : null}
      {staff.map((member) => (
        <option key={member.id} value={member.id}>
          {member.displayName} ({member.email})
        </option>
      ))}
    </SelectField>
  );
}
