"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { getProjectForVerification, resolveProjectVerification } from "@/db/queries/verification";
import { changeBasis, checkbox, optionalText, requiredText, subjectNo, version } from "../tasks/schema";

/** Records what was confirmed about a flagged livelihood project, and clears or keeps the flag. */
export const resolveProject = defineAction({
  action: "project.verify",
  entity: "project",
  schema: z.object({
    no: subjectNo,
    version,
    confirmed: requiredText("核实结果（更正后的内容）", 2000),
    keepFlag: checkbox,
    note: optionalText("核实说明", 2000),
    ...changeBasis,
  }),
  entityId: (input) => input.no,
  guard: () => ["programme:edit"],
  load: async ({ input }) => getProjectForVerification({ yearId: (await currentProgrammeYear()).id, no: input.no }),
  mutate: (tx, project, { input, user }) => {
    if (input.keepFlag && !input.note) throw new ValidationError("仍需核实的，请写明还需核实什么。", { note: ["请写明还需核实什么。"] });
    const r = resolveProjectVerification(
      tx,
      project,
      { ...input, keepFlag: input.keepFlag, expectedVersion: input.version },
      { byId: user.id, now: Date.now() },
    );
    if (!r.ok) throw new ConflictError();
    return {
      entityId: project.no,
      before: { needsVerification: project.needsVerification, note: project.note },
      after: { confirmed: input.confirmed, needsVerification: input.keepFlag, note: input.note, reason: input.reason, source: input.source },
    };
  },
  revalidate: ({ input }) => ["/admin/verification", `/projects/${input.no}`, "/projects"],
  successMessage: "核实结果已记录。",
});
