// What the browser checks before it sends a chosen evidence file (the server checks again):
// the size limit, the number of files one save attaches, and the words for each refusal.
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_MB } from "./file-sniff";
import { MAX_FILES_PER_SAVE } from "./report-form";

export const tooLargeMessage = (name: string) => `“${name}”超过 ${MAX_EVIDENCE_MB} MB，请压缩后再上传`;
export const emptyFileMessage = (name: string) => `“${name}”是空文件`;
export const tooManyMessage = (name: string) => `“${name}”未上传：每次保存最多附上 ${MAX_FILES_PER_SAVE} 个附件，请先保存已上传的附件`;

/**
 * Splits the chosen files into those to upload and those refused (with the reason), given how
 * many are already waiting for the save. A refused file never drops a valid one chosen with it.
 */
export function screenChosenFiles<F extends { name: string; size: number }>(
  files: readonly F[],
  waiting: number,
): { upload: F[]; refused: { file: F; message: string }[] } {
  const upload: F[] = [];
  const refused: { file: F; message: string }[] = [];
  for (const file of files) {
    if (file.size > MAX_EVIDENCE_BYTES) refused.push({ file, message: tooLargeMessage(file.name) });
    else if (file.size === 0) refused.push({ file, message: emptyFileMessage(file.name) });
    else if (waiting + upload.length >= MAX_FILES_PER_SAVE) refused.push({ file, message: tooManyMessage(file.name) });
    else upload.push(file);
  }
  return { upload, refused };
}
