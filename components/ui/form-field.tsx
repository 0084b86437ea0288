import * as React from "react";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";

/** Props a FormField hands to its control so the label, help text and error are announced with it. */
export type FormControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

export type FormFieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** Id of the control; the label points at it and the help/error ids derive from it. */
  id: string;
  label: React.ReactNode;
  /** Help text shown under the label. */
  description?: React.ReactNode;
  /** Validation message, e.g. `formState.errors.title?.message` from react-hook-form. */
  error?: string;
  required?: boolean;
  /** Visually hide the label (it stays available to assistive technology). */
  hideLabel?: boolean;
  /**
   * The control. A single element (Input, Textarea, Checkbox, a native select…) gets
   * id / aria-describedby / aria-invalid / aria-required merged in. For composite
   * controls such as Radix Select, pass a function and spread the props onto the
   * element that takes focus (the SelectTrigger).
   */
  children: React.ReactElement<Record<string, unknown>> | ((control: FormControlProps) => React.ReactNode);
};

/**
 * Label + control + description + error, wired for assistive technology.
 *
 * ```tsx
 * <FormField id="title" label={t("title")} error={errors.title?.message} required>
 *   <Input {...register("title")} />
 * </FormField>
 * ```
 */
export function FormField({
  id,
  label,
  description,
  error,
  required = false,
  hideLabel = false,
  className,
  children,
  ...props
}: FormFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  const control: FormControlProps = {
    id,
    "aria-describedby": [descriptionId, errorId].filter(Boolean).join(" ") || undefined,
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };

  let controlNode: React.ReactNode;
  if (typeof children === "function") {
    controlNode = children(control);
  } else {
    const own = children.props["aria-describedby"];
    const describedBy = [typeof own === "string" ? own : undefined, control["aria-describedby"]]
      .filter(Boolean)
      .join(" ");
    controlNode = React.cloneElement(children, {
      ...control,
      "aria-describedby": describedBy || undefined,
    });
  }

  return (
    <div data-slot="form-field" data-invalid={error ? "" : undefined} className={cn("flex flex-col gap-1.5", className)} {...props}>
      <Label htmlFor={id} className={cn(hideLabel && "sr-only")}>
        {label}
        {required ? (
          <span className="ml-0.5 text-danger" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      {description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {controlNode}
      {error ? (
        <p id={errorId} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
