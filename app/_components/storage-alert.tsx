import { getCurrentUser } from "@/app/_lib/current-user";
import { storageStatus } from "@/db/storage-health";
import { formatDateTime } from "@/lib/format-time";
import { can } from "@/lib/permissions";

const MiB = 1024 * 1024;

/** Tells the system administrator, on every page, that saves are failing for lack of (working) storage. */
export async function StorageAlert() {
  const user = await getCurrentUser();
  if (!can(user, "users:manage")) return null;
  const status = storageStatus();
  if (status.healthy) return null;
  const free = status.lastProbe?.freeBytes;
  return (
    <div role="alert" data-testid="storage-alert" className="no-print border-b border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 sm:px-6">
      <div className="mx-auto max-w-7xl">
        <strong>{status.fault === "io" ? "服务器存储出现故障" : "服务器存储空间不足"}：</strong>
        {status.since !== null ? `自 ${formatDateTime(status.since)} 起已有 ${status.failures} 次写入失败，` : "最近一次写入检查未通过，"}
        用户的填报与修改无法保存。
        {free !== null && free !== undefined && `数据目录所在磁盘剩余 ${(free / MiB).toFixed(1)} MB。`}
        请尽快清理或扩充磁盘；恢复后，失败的操作会补记到审计日志。
      </div>
    </div>
  );
}
