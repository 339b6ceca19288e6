/**
 * A page form's one-time key (a hidden field filled when the form is rendered): the service
 * stores it with what the form created, so the same form sent twice creates nothing twice.
 * Anything that is not a plain key counts as none.
 */
export function formKeyOf(form: { get(name: string): string }): string | undefined {
  const key = form.get("formKey");
  return /^[0-9a-f-]{36}$/.test(key) ? key : undefined;
}

export const newFormKey = (): string => crypto.randomUUID();
