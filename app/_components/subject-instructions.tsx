import { getCurrentUser } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { redQuarterOf } from "@/app/instructions/red-quarter";
import { InstructionList } from "@/components/instruction-list";
import { Card, CardTitle } from "@/components/ui/card";
import { listInstructionsForSubject } from "@/db/queries/instructions";
import { getNoticeSubjectByKey } from "@/db/queries/notices";
import { can } from "@/lib/permissions";
import { quarterShort } from "@/lib/periods";
import { subjectKey, type SubjectRef } from "@/lib/subject";
import { InstructionForm } from "./instruction-form";

/** 领导批示 on a task or project page; its 牵头领导 or the 市长 may add one while 进度 is red. */
export async function SubjectInstructions({ subject }: { subject: SubjectRef }) {
  const key = subjectKey(subject);
  const facts = getNoticeSubjectByKey({ yearId: (await currentProgrammeYear()).id, key });
  if (!facts) return null;
  const user = await getCurrentUser();
  const items = listInstructionsForSubject({ kind: subject.kind, subjectId: (facts.taskId ?? facts.projectId)! });
  const red = can(user, "instruction:write", { leaderIds: facts.leaderIds }) ? await redQuarterOf(subject) : null;
  return (
    <Card aria-labelledby="instructions-heading" id="instructions">
      <CardTitle id="instructions-heading">领导批示</CardTitle>
      <InstructionList items={items} />
      {red && (
        <div className="no-print mt-3 space-y-1">
          <p className="text-sm text-gray-800">{quarterShort(red.periodCode)}进度为红灯，可作出批示；批示即送督查室和牵头单位。</p>
          <InstructionForm subject={key} />
        </div>
      )}
    </Card>
  );
}
