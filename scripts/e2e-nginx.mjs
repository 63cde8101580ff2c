// nginx in front of the app for the "nginx" Playwright project: TLS with a self-signed
// certificate made now with openssl, on loopback only, forwarding to the app server the way
// docs/deploy.md tells a 政务云 server to. nginx connects to the app from 127.0.0.2 (the one
// TRUSTED_PROXIES address), so the app can tell the proxy from a browser on 127.0.0.1.
// Env: NGINX_PORT (listen), UPSTREAM_PORT (the app). Runs in the foreground until stopped.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const listen = process.env.NGINX_PORT ?? "3101";
const upstream = process.env.UPSTREAM_PORT ?? "3102";
const nginxBin = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
if (!nginxBin) {
  console.error("未找到 nginx：请先安装（apt-get install -y nginx；.ci/run 会自动安装）。");
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-nginx-"));
fs.chmodSync(dir, 0o755); // nginx's worker (an unprivileged user) needs to reach its temp folders
execFileSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=127.0.0.1",
    "-addext",
    "subjectAltName=IP:127.0.0.1",
    "-keyout",
    path.join(dir, "key.pem"),
    "-out",
    path.join(dir, "cert.pem"),
  ],
  { stdio: "ignore" },
);

// The same server block as docs/deploy.md, on test ports and paths.
const conf = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server_tokens off;
  client_max_body_size 210m;
  server {
    listen 127.0.0.1:${listen} ssl;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://127.0.0.1:${upstream};
      proxy_bind 127.0.0.2;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Overwrite, never append: whatever X-Forwarded-For the client sent is dropped here.
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_request_buffering off;
      proxy_read_timeout 300s;
    }
  }
}
`;
fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
execFileSync(nginxBin, ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "inherit" });

const nginx = spawn(nginxBin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: "inherit" });
console.log(`> nginx 已启动：https://127.0.0.1:${listen} → http://127.0.0.1:${upstream}`);
const stop = () => {
  nginx.kill("SIGQUIT");
  setTimeout(() => fs.rmSync(dir, { recursive: true, force: true }), 500);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
nginx.on("exit", (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
