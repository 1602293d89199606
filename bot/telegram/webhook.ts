// Webhook mode, for deployment behind HTTPS and a load balancer. The secret token header is
// checked; the update is stored and applied before the 200 goes back, so a failure answers 500
// and Telegram delivers the update again (the inbox makes that harmless).
import { timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import { type Logger, errorFields } from '../log.js';
import type { TelegramUpdates } from './updates.js';

const MAX_BODY = 1024 * 1024;

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createWebhookServer(o: {
  path: string;
  secret: string;
  updates: TelegramUpdates;
  log: Logger;
}): Server {
  return createServer((req, res) => {
    const reply = (status: number, body = '') => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/healthz') return reply(200, 'ok');
    if (req.method !== 'POST' || req.url !== o.path) return reply(404);
    if (
      !sameSecret(req.headers['x-telegram-bot-api-secret-token'] as string | undefined, o.secret)
    ) {
      o.log.warn('webhook.bad_secret');
      return reply(401);
    }
    void (async () => {
      const body = await readBody(req);
      if (!body) return reply(413);
      let update: unknown;
      try {
        update = JSON.parse(body.toString('utf8'));
      } catch {
        // Not JSON: Telegram never sends that; refusing it does not make Telegram retry.
        return reply(400);
      }
      try {
        await o.updates.process([update]);
        reply(200);
      } catch (e) {
        o.log.error('webhook.failed', errorFields(e));
        reply(500);
      }
    })();
  });
}
