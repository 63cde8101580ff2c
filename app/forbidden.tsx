import Link from "next/link";

// Shown with HTTP 403 whenever a page calls forbidden() (requireRole / requirePermission).
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-10 text-center">
      <h1 className="mb-2 text-xl font-semibold">无权限访问</h1>
      <p className="mb-4 text-gray-700">您的账号没有打开此页面的权限，本次访问已记入审计日志。如确需办理，请联系督查室或系统管理员。</p>
      <Link href="/">返回首页</Link>
    </div>
  );
}
