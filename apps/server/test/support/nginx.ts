import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopProcess } from './server-process.js';

export const NGINX = '/usr/sbin/nginx';

/**
 * The reverse proxy the README describes, for a test: round robin over `upstreams`, every path
 * nginx writes (pid, logs, temporary bodies) under `dir`, so it runs without root.
 */
export function nginxConfig(dir: string, port: number, upstreams: string[]): string {
  return `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream peyvand {
${upstreams.map((u) => `    server ${u.replace(/^https?:\/\//, '')};`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 50m;
    location / {
      proxy_pass http://peyvand;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/** nginx in the foreground in a temporary prefix; stop() ends it and removes the prefix. */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-nginx-'));
  const port = await freePort();
  await fs.writeFile(path.join(dir, 'nginx.conf'), nginxConfig(dir, port, upstreams));
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (
    !(await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null) {
      const log = await fs.readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
      child.kill('SIGKILL');
      throw new Error(`nginx did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      await stopProcess(child, 'SIGQUIT');
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
