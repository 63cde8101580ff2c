/** The bulk-approve form; the checkboxes beside each report join it through their `form` attribute. */
export const BULK_FORM_ID = "bulk-approve";
