import "server-only";
import { storeEvidence } from "@/db/evidence-store";
import type { NewAttachment } from "@/db/queries/attachments";
import { env } from "@/lib/env";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_MB } from "@/lib/file-sniff";
import { MAX_FILES_PER_SAVE } from "@/lib/report-form";
import { ValidationError } from "./errors";

/**
 * The uploaded evidence of a report form, without the entry a blank file input sends: an
 * empty part whose name arrives as "" or, through Next's Server Action decoding, "undefined".
 */
export function uploadedFiles(v: File | File[] | undefined): File[] {
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((f) => f.size > 0 || (f.name !== "" && f.name !== "undefined"));
}

/**
 * Checks and stores a report's uploaded evidence BEFORE its transaction (content-addressed,
 * idempotent); any refused file refuses the whole save with the reasons under `evidence`.
 */
export async function storeUploads(list: File[]): Promise<NewAttachment[]> {
  if (list.length > MAX_FILES_PER_SAVE) {
    throw new ValidationError(`一次最多上传 ${MAX_FILES_PER_SAVE} 个附件`, { evidence: [`一次最多上传 ${MAX_FILES_PER_SAVE} 个附件`] });
  }
  const problems: string[] = [];
  const checked: { bytes: Uint8Array; filename: string; mime: string; size: number }[] = [];
  for (const file of list) {
    // Refuse oversized files by their declared size before reading them into memory.
    if (file.size > MAX_EVIDENCE_BYTES) {
      problems.push(`“${file.name}”超过 ${MAX_EVIDENCE_MB} MB，请压缩后再上传`);
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = checkEvidenceFile(file.name, bytes);
    if (result.ok) checked.push({ bytes, filename: result.filename, mime: result.mime, size: result.size });
    else problems.push(result.message);
  }
  if (problems.length) throw new ValidationError("附件未通过检查，本次未保存", { evidence: problems });
  const stored: NewAttachment[] = [];
  for (const c of checked) stored.push({ ...(await storeEvidence(env.dataDir, c.bytes)), filename: c.filename, mime: c.mime, size: c.size });
  return stored;
}
