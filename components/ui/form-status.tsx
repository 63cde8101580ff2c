/** The outcome line of a form: an alert when it failed, a polite status when it worked. */
export function FormStatus({ state }: { state: { ok?: boolean; message?: string } | undefined }) {
  if (!state?.message) return null;
  return state.ok ? (
    <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {state.message}
    </p>
  );
}
