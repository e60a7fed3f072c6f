"use client";

import type { ReactNode } from "react";
import type { FieldPath, FieldValues, RegisterOptions, UseFormRegisterReturn, UseFormReturn } from "react-hook-form";
import { Field } from "./field";

/** What a control inside a form field receives: its id, its registration and its descriptions. */
export type FormControlProps<TName extends string = string> = UseFormRegisterReturn<TName> & {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

interface FormFieldProps<TValues extends FieldValues, TOut, TName extends FieldPath<TValues>> {
  form: UseFormReturn<TValues, unknown, TOut>;
  name: TName;
  id: string;
  label: string;
  hint?: string;
  /** Only for what the schema cannot say, such as `setValueAs`; validation stays in the schema. */
  registerOptions?: RegisterOptions<TValues, TName>;
  children: (control: FormControlProps<TName>) => ReactNode;
}

/**
 * A labelled control registered with the form: the field's error (from the browser's schema check or
 * from the server) is shown under the label and tied to the control by aria-describedby.
 */
export function FormField<TValues extends FieldValues, TOut, TName extends FieldPath<TValues>>({
  form,
  name,
  id,
  label,
  hint,
  registerOptions,
  children,
}: FormFieldProps<TValues, TOut, TName>) {
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(described) => children({ id, ...form.register(name, registerOptions), ...described })}
    </Field>
  );
}

interface FormSelectFieldProps<TValues extends FieldValues, TOut, TName extends FieldPath<TValues>> extends Omit<
  FormFieldProps<TValues, TOut, TName>,
  "children"
> {
  options: { id: string; name: string }[] | undefined;
  /** The first, empty choice ("Keine", "Bitte wählen"). */
  emptyLabel: string;
}

/** A labelled select over named records (Kommunen, organisations, people) with an empty first choice. */
export function FormSelectField<TValues extends FieldValues, TOut, TName extends FieldPath<TValues>>({
  options,
  emptyLabel,
  ...field
}: FormSelectFieldProps<TValues, TOut, TName>) {
  return (
    <FormField {...field}>
      {(control) => (
        <select {...control}>
          <option value="">{emptyLabel}</option>
          {options?.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

interface FormCheckboxGroupProps<TValues extends FieldValues, TOut, TName extends FieldPath<TValues>> {
  form: UseFormReturn<TValues, unknown, TOut>;
  name: TName;
  legend: string;
  options: readonly { value: string; label: string }[];
}

/** A list-valued field (life areas, criteria) as checkboxes under one legend. */
export function FormCheckboxGroup<TValues extends FieldValues, TOut, TName extends FieldPath<TValues>>({
  form,
  name,
  legend,
  options,
}: FormCheckboxGroupProps<TValues, TOut, TName>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className="checkbox-list">
        {options.map((option) => (
          <li key={option.value}>
            <label className="inline-choice">
              <input type="checkbox" {...form.register(name)} value={option.value} /> {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
