// A minimal LSP client over stdio, as an editor drives a server: Content-Length framing, requests
// with ids, notifications, and answers to the server's own requests (configuration, progress, and
// for the peer its markdown/* requests). Times are taken with process.hrtime on this side of the pipe.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// The client's own collector, run between samples (outside every timed span) by settle(). Decoding a
// large answer (an outline of 7.6 MB is some 100 MB of JavaScript objects) leaves garbage that the
// client otherwise collects while the next answer arrives, and that pause was counted as the
// server's. A Java stub that sends the same 7.6 MB outline answer at once measured 5 / 26 ms (p50 /
// p95) without this, 7 / 11 ms with the collection alone (V8 sweeps on other threads after it
// returns, on the two cores the server needs), and 4.6 / 15 ms with the pause after it. Both
// servers are measured the same way.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');

/** Collects the client's garbage now and lets the collector's threads finish, so that neither runs inside the next timed request. */
export async function settle() {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 10));
}

export class Client {
  /**
   * @param {string} command
   * @param {string[]} args
   * @param {(method: string, params: any) => any} onServerRequest answers a request from the server
   */
  constructor(command, args, onServerRequest = () => null) {
    this.started = process.hrtime.bigint();
    this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.pending = new Map();
    this.nextId = 1;
    this.chunks = [];
    this.received = 0;
    this.expected = undefined;
    this.listeners = [];
    this.stderr = '';
    this.onServerRequest = onServerRequest;
    this.serverRequestMillis = 0;
    this.process.stdout.on('data', (chunk) => this.receive(chunk));
    this.process.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-20000);
    });
    this.exited = new Promise((resolve) => this.process.on('exit', resolve));
  }

  // Chunks are kept until a whole message is there: concatenating each 64 KB chunk onto what came
  // before made a 6 MB answer cost the client a quadratic copy, which was counted as server time.
  receive(chunk) {
    this.chunks.push(chunk);
    this.received += chunk.length;
    for (;;) {
      if (this.expected === undefined) {
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        this.chunks = [head];
        const headerEnd = head.indexOf('\r\n\r\n');
        if (headerEnd < 0) {
          return;
        }
        const header = head.subarray(0, headerEnd).toString('ascii');
        // Anything but header lines is the server writing outside the protocol (a JVM warning on stdout
        // once went unnoticed here, while VS Code dropped the connection over it): fail loudly.
        if (!header.split('\r\n').every((line) => /^[A-Za-z-]+: *\S/.test(line))) {
          throw new Error(`stray output on the server's stdout: ${JSON.stringify(header.slice(0, 200))}`);
        }
        this.bodyStart = headerEnd + 4;
        this.expected = this.bodyStart + Number(/Content-Length: *(\d+)/i.exec(header)[1]);
      }
      if (this.received < this.expected) {
        return;
      }
      // The answer's time is when its last byte arrived; decoding it is the client's work, not the server's.
      const at = process.hrtime.bigint();
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      const body = all.subarray(this.bodyStart, this.expected).toString('utf8');
      const rest = all.subarray(this.expected);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.received = rest.length;
      this.expected = undefined;
      this.dispatch(JSON.parse(body), at);
    }
  }

  dispatch(message, at) {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (waiting) {
        this.pending.delete(message.id);
        waiting({ at, message });
      }
      return;
    }
    if (message.id !== undefined) {
      // A request from the server: answer it (the peer asks its client to parse Markdown).
      const start = process.hrtime.bigint();
      Promise.resolve().then(() => this.onServerRequest(message.method, message.params)).then((result) => {
        this.serverRequestMillis += Number(process.hrtime.bigint() - start) / 1e6;
        this.send({ jsonrpc: '2.0', id: message.id, result: result === undefined ? null : result });
      }, (failure) => {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(failure.message ?? failure) } });
      });
      return;
    }
    for (const listener of this.listeners) {
      listener(message);
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  /** Sends a request; resolves with {millis, result} measured from sending to the answer. */
  request(method, params, since = undefined) {
    const id = this.nextId++;
    const sent = since ?? process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} not answered in 120 s`)), 120000);
      this.pending.set(id, ({ at, message }) => {
        clearTimeout(timer);
        if (message.error) {
          reject(new Error(`${method}: ${message.error.message}`));
        } else {
          resolve({ millis: Number(at - sent) / 1e6, result: message.result });
        }
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification {@code accept} takes. */
  waitFor(accept, timeoutMillis = 600000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('notification not received')), timeoutMillis);
      const listener = (message) => {
        if (accept(message)) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((other) => other !== listener);
          resolve({ at: process.hrtime.bigint(), message });
        }
      };
      this.listeners.push(listener);
    });
  }

  /** CPU time the server process has used so far (user and system, all its threads), in ms, from the kernel. */
  cpuMillis() {
    try {
      const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return NaN;
    }
  }

  /** Peak resident set size of the server process, from the kernel (VmHWM), in MB. */
  peakRssMb() {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
    } catch {
      return NaN;
    }
  }

  async stop() {
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
