import http from 'node:http';
import https from 'node:https';
import { readBodyUpTo } from '../../media/photo-source.js';

/** Connections to the Bot API's file server are kept open between downloads (one per protocol). */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * The bytes of a file on the Bot API's file server (`<apiRoot>/file/bot<token>/<path>`): refused
 * beyond `maxBytes` (said by its length or counted as it arrives), on a status other than 200, and
 * after `timeoutMs` in all. Node's own HTTP client on kept-open connections: a fraction of the CPU
 * of `fetch` per file (which builds web streams), measured in the benchmark's receipt step.
 */
export function downloadFile(url: string, opts: { maxBytes: number; timeoutMs: number }): Promise<Buffer> {
  const u = new URL(url);
  const agent = u.protocol === 'https:' ? agents['https:'] : u.protocol === 'http:' ? agents['http:'] : null;
  if (!agent) return Promise.reject(new Error(`file download: unsupported protocol ${u.protocol}`));
  const get = u.protocol === 'https:' ? https.get : http.get;
  return new Promise<Buffer>((resolve, reject) => {
    const fail = (err: Error) => {
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const req = get(u, { agent }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return fail(new Error(`file download failed: ${res.statusCode}`));
      }
      readBodyUpTo(res, opts.maxBytes).then((bytes) => {
        if (!bytes) return fail(new Error('file too large to download'));
        clearTimeout(timer);
        resolve(bytes);
      }, fail);
    });
    req.on('error', fail);
    const timer = setTimeout(() => fail(new Error(`file download timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
  });
}
