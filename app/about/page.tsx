import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";

// Built once at `next build`: it reads no session and no data, so every visitor gets the same
// page. The benchmark (bench/) also uses it as the reference cost of a request to this server.
export const dynamic = "force-static";

export const metadata: Metadata = { title: "关于本系统" };

const SOURCES = [
  { docNo: "汨政办函〔2026〕1号", title: "汨罗市 2026 年市政府重点工作任务", use: "69 项重点工作任务的目标、牵头领导、牵头与配合单位" },
  { docNo: "汨政办函〔2026〕2号", title: "2026 年度人大代表票决民生实事任务分解表", use: "3 项民生实事及其季度节点目标" },
  { docNo: "汨政办发〔2026〕3号", title: "汨罗市实施“开局八好”总体方案", use: "任务的背景与出处说明" },
  { docNo: "汨政办发〔2026〕4号", title: "汨罗市龙舟动力小区、印刷厂小区、肉联厂小区危旧住房解危搬迁实施方案", use: "解危搬迁的步骤与补偿规则" },
];

const ROLES = [
  { name: "牵头单位", text: "设定季度攻坚目标，每季度末填报工作进展、存在问题和下步打算，上传佐证材料；配合单位填写配合情况。" },
  { name: "督查室", text: "审核各单位填报，查看逾期未报与进度滞后的任务，发出催办、督办通知并跟踪到销号。" },
  { name: "市领导", text: "在季度驾驶舱中查看全市任务进展，优先看到本人牵头的任务。" },
  { name: "系统管理员", text: "管理账号、单位和填报周期，导入导出数据，查看审计日志。" },
];

export default function AboutPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">关于本系统</h1>
      <p className="text-gray-700">
        汨罗市重点工作调度平台用于调度汨罗市人民政府 2026 年度重点工作任务和人大代表票决民生实事：
        牵头单位按季度填报进展，督查室审核、督办，市领导随时查看全市进度。
      </p>

      <Card aria-labelledby="about-sources">
        <CardTitle id="about-sources">数据来源</CardTitle>
        <p className="mb-3 text-sm text-gray-700">
          任务与民生实事均依据《汨罗市人民政府公报》2026 年第 1 期刊载的文件逐条录入，不推算、不补造数值；
          原文表格错位或截断之处标为“待核实”，并在任务详情中说明。
        </p>
        <ul className="space-y-2 text-sm">
          {SOURCES.map((s) => (
            <li key={s.docNo}>
              <span className="font-medium">{s.docNo}</span>《{s.title}》：{s.use}
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="about-roles">
        <CardTitle id="about-roles">谁在使用</CardTitle>
        <dl className="space-y-2 text-sm">
          {ROLES.map((r) => (
            <div key={r.name} className="sm:flex sm:gap-3">
              <dt className="shrink-0 font-medium sm:w-24">{r.name}</dt>
              <dd className="text-gray-700">{r.text}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card aria-labelledby="about-records">
        <CardTitle id="about-records">填报记录的保存</CardTitle>
        <ul className="list-disc space-y-1 pl-5 text-sm text-gray-700">
          <li>每次保存都在一个数据库事务内完成，写入成功后才提示“已保存”；断电或进程中止不会留下半条记录。</li>
          <li>两人同时修改同一份填报时，后提交的一方会收到“已被他人修改”的提示，所填内容保留在表单中，不会互相覆盖。</li>
          <li>每份提交的版本都完整留存；所有修改与被拒绝的操作记入不可改写的审计日志。</li>
          <li>系统管理员可在服务运行期间随时备份数据库（npm run db:backup）。</li>
        </ul>
      </Card>

      <p className="text-sm text-gray-700">
        开始使用：<Link href="/tasks">查看任务总览</Link>。
      </p>
    </div>
  );
}
