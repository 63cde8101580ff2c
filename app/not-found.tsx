import Link from "next/link";

// Shown with HTTP 404 for unknown addresses and notFound(). Next's built-in page is English
// and carries an inline style without the CSP nonce (blocked), so the app has its own.
export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-10 text-center">
      <h1 className="mb-2 text-xl font-semibold">页面不存在</h1>
      <p className="mb-4 text-gray-700">您访问的页面不存在或已被删除，请检查地址是否正确。</p>
      <Link href="/">返回首页</Link>
    </div>
  );
}
