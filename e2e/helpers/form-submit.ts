// Submits a form and waits for the answer to that very request: the Server Action POST
// whose form data carries the values this step typed. A status line an earlier save left
// on screen can never stand in for this one's answer.
import type { Locator, Page, Response } from "@playwright/test";

export interface SentRequest {
  path: string;
  sent: readonly string[];
}

/** Runs `act` and resolves with the answer to the POST it sends to `path` carrying `sent`. */
export async function answerTo(page: Page, { path, sent }: SentRequest, act: () => Promise<unknown>): Promise<Response> {
  const answered = page.waitForResponse((r) => {
    const request = r.request();
    if (request.method() !== "POST" || new URL(r.url()).pathname !== path) return false;
    const body = request.postDataBuffer()?.toString("utf8") ?? "";
    return sent.every((value) => body.includes(value));
  });
  await act();
  return answered;
}

export function submitAndWait(page: Page, button: Locator, request: SentRequest): Promise<Response> {
  return answerTo(page, request, () => button.click());
}
