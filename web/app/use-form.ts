import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { FormErrorItem } from '../components/FormErrorSummary';
import { fieldCodesFromRefusal, fieldCodesFromZod, type FieldCodes } from './form-errors';

type FormValues = Record<string, string | string[]>;
type TextField<V extends FormValues> = { [K in keyof V & string]: V[K] extends string ? K : never }[keyof V & string];

/**
 * The state of one form: its values, and its field errors from a check before sending or from a
 * refused submit — each field's text, and what FormErrorSummary needs: the items in the form's
 * order (the order of `fieldIds`) and an `attempt` that counts the submits.
 */
export function useForm<V extends FormValues>({
  initial,
  fieldIds,
  message,
  refusalFields = {},
  initialCodes = {},
}: {
  initial: V;
  /** Field name → the id of its input, in the order the form shows them. */
  fieldIds: Readonly<Record<keyof NoInfer<V> & string, string>>;
  /** The text for a field's code. */
  message: (field: keyof NoInfer<V> & string, code: string) => string;
  /** Refusal code → the field it is about (`unit.name_taken` → `name`); see fieldCodesFromRefusal. */
  refusalFields?: Readonly<Record<string, keyof NoInfer<V> & string>>;
  initialCodes?: FieldCodes;
}) {
  type F = keyof V & string;
  const [values, setValues] = useState<V>(initial);
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>(initialCodes);
  const [attempt, setAttempt] = useState(0);
  const fields = Object.keys(fieldIds) as F[];

  const setValue = <K extends F>(field: K, value: V[K]) => setValues((previous) => ({ ...previous, [field]: value }));

  const fieldMessage = (field: F): string | undefined => {
    const code = fieldCodes[field];
    return code ? message(field, code) : undefined;
  };

  const summaryItems: FormErrorItem[] = fields.flatMap((field) => {
    const text = fieldMessage(field);
    return text ? [{ fieldId: fieldIds[field], message: text }] : [];
  });

  return {
    values,
    setValue,
    /** Back to the values the form started with (after a successful create). */
    reset: () => setValues(initial),
    /** id, name, value, onChange and error text of a text field, to spread on a Textfield or SelectField. */
    field: (field: TextField<V>) => ({
      id: fieldIds[field],
      name: field,
      value: values[field] as string,
      onChange: (event: { target: { value: string } }) => setValue(field, event.target.value as V[typeof field]),
      error: fieldMessage(field),
    }),
    fieldMessage,
    /** For FormErrorSummary: the errors, and the attempt that makes it take focus again. */
    summary: { attempt, items: summaryItems },
    attempt,
    /**
     * The form's onSubmit: no browser submit, nothing while the previous submit is still `busy`,
     * else count the attempt and `run`.
     */
    submitHandler:
      (run: () => void, busy = false) =>
      (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        if (busy) return;
        setAttempt((n) => n + 1);
        run();
      },
    setFieldCodes,
    /**
     * The check before sending: `input` against the request's `schema`. Its problems become the
     * field codes (none when it passes); the parsed request, or null when it does not pass.
     */
    validate: <T>(schema: z.ZodType<T>, input: unknown): T | null => {
      const parsed = schema.safeParse(input);
      setFieldCodes(parsed.success ? {} : fieldCodesFromZod(parsed.error));
      return parsed.success ? parsed.data : null;
    },
    /** For a mutation's onError: a functional refusal goes to its fields; other failures are left alone. */
    showRefusal: (error: unknown) => {
      const codes = fieldCodesFromRefusal(error, refusalFields);
      if (codes) setFieldCodes(codes);
    },
    /** True when a field explains the latest refusal, so the form need not say it again. */
    hasFieldExplanation: fields.some((field) => Object.hasOwn(fieldCodes, field)),
  };
}
