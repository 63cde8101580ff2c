export const MAX_NESTING: number;
export class BadActionRequest extends Error {
  constructor(status: number, message: string);
  status: number;
}
export function checkOrigin(headers: Record<string, string | string[] | undefined>): void;
export function jsonDepth(text: string): number;
export function checkActionBody(headers: Record<string, string | string[] | undefined>, body: Buffer): Promise<void>;
