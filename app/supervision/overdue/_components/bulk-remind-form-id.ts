/** The 批量催办 form; the checkboxes beside each item join it through their `form` attribute. */
export const BULK_REMIND_FORM = "bulk-remind";
