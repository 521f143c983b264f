import { refusalReasonDto, updateAllocationSettingsRequest, type UpdateAllocationSettingsRequest } from '../../../shared/api/allocation';

// The allocation settings form's check before sending: each refusal reason's code and text at its
// row, the answer days and the appeal fields at theirs. The server checks the same contract again.

export type ReasonRow = { code: string; label: string };
type TextFields = { offerAnswerDays: string; appealOffice: string; appealAddress: string; appealBody: string };

export type SettingsProblems = {
  /** Row index → field → problem code. */
  rows: Record<number, Partial<Record<'code' | 'label', string>>>;
  fields: Partial<Record<keyof TextFields | 'refusalReasons', string>>;
};

export function checkSettings(rows: readonly ReasonRow[], values: TextFields): { request: UpdateAllocationSettingsRequest | null; problems: SettingsProblems } {
  const problems: SettingsProblems = { rows: {}, fields: {} };
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const code = row.code.trim();
    const rowProblems: Partial<Record<'code' | 'label', string>> = {};
    if (!refusalReasonDto.shape.code.safeParse(code).success) rowProblems.code = 'code_invalid';
    else if (seen.has(code)) rowProblems.code = 'code_duplicate';
    seen.add(code);
    if (row.label.trim() === '') rowProblems.label = 'label_required';
    if (Object.keys(rowProblems).length > 0) problems.rows[index] = rowProblems;
  });
  if (rows.length === 0) problems.fields.refusalReasons = 'reasons_required';
  const days = values.offerAnswerDays.trim();
  if (!/^\d{1,2}$/.test(days) || Number(days) < 1 || Number(days) > 60) problems.fields.offerAnswerDays = 'days_invalid';
  for (const field of ['appealOffice', 'appealAddress', 'appealBody'] as const) {
    if (values[field].trim() === '') problems.fields[field] = 'required';
  }
  if (Object.keys(problems.rows).length > 0 || Object.keys(problems.fields).length > 0) return { request: null, problems };
  const parsed = updateAllocationSettingsRequest.safeParse({
    refusalReasons: rows.map((r) => ({ code: r.code.trim(), label: r.label.trim() })),
    offerAnswerDays: Number(days),
    appealOffice: values.appealOffice.trim(),
    appealAddress: values.appealAddress.trim(),
    appealBody: values.appealBody.trim(),
  });
  // Lengths beyond the contract's limits (e.g. 201 characters) are the only thing left to refuse.
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index, field] = issue.path;
      if (first === 'refusalReasons' && typeof index === 'number' && (field === 'code' || field === 'label')) {
        problems.rows[index] = { ...problems.rows[index], [field]: issue.code };
      } else if (first === 'offerAnswerDays' || first === 'appealOffice' || first === 'appealAddress' || first === 'appealBody') {
        problems.fields[first] = issue.code;
      } else {
        problems.fields.refusalReasons = issue.code;
      }
    }
    return { request: null, problems };
  }
  return { request: parsed.data, problems };
}
