import { Field } from "./field";

interface SelectFieldProps {
  id: string;
  name: string;
  label: string;
  options: { id: string; name: string }[] | undefined;
  /** The first, empty choice ("Keine", "Bitte wählen"). */
  emptyLabel: string;
  defaultValue?: string;
  hint?: string;
  error?: string;
}

/** A labelled select over named records (Kommunen, organisations, people) with an empty first choice. */
export function SelectField({ id, name, label, options, emptyLabel, defaultValue = "", hint, error }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(d) => (
        <select id={id} name={name} defaultValue={defaultValue} {...d}>
          <option value="">{emptyLabel}</option>
          {options?.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
