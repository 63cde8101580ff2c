"use client";

import { useActionState } from "react";
import { echoValues, formDataToObject } from "@/lib/form-values";

/** The form-state shape every action answers with (app/_lib/action.ts FormState). */
type State = { ok?: boolean; message?: string; errors?: Record<string, string[]>; values?: Record<string, string> };

export const ANSWER_LOST_MESSAGE =
  "网络连接中断，没有收到服务器的答复，不能确定是否已保存。您填写的内容仍在表单中，请再次点击保存或提交：如果上次已经保存，不会重复保存。";

/** The request left but no answer came back: the connection dropped, or a proxy answered instead of the app. */
function answerLost(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.message.includes("An unexpected response was received from the server"));
}

/**
 * useActionState for a form whose answer may be lost on the way back. Instead of the error
 * page (and the typed text with it), the form shows what happened with its values, and its
 * next submission carries the same request id (components/request-id-stamp.tsx), so the
 * server answers a save it already committed with the original success.
 */
export function useFormAction<S extends State>(action: (prev: S | undefined, data: FormData) => Promise<S>) {
  return useActionState(async (prev: S | undefined, data: FormData): Promise<S | undefined> => {
    try {
      return await action(prev, data);
    } catch (error) {
      if (!answerLost(error)) throw error;
      return { message: ANSWER_LOST_MESSAGE, values: echoValues(formDataToObject(data)) } as S;
    }
  }, undefined);
}
