import { messageText, messageTitle, type NotifyMessage } from './notify-event.js';
import type { WebhookBody } from './notify-target.js';

/**
 * The JSON posted for each body: planwright's own document with Slack's `text` (so a Slack incoming
 * webhook takes it as it is); Slack's `text` alone; ntfy's JSON publishing (posted to the server's root,
 * the topic from the URL's path).
 */
export function webhookRequest(url: URL, body: WebhookBody, message: NotifyMessage): { url: string; json: Record<string, unknown> } {
  const text = messageText(message);
  if (body === 'slack') return { url: url.href, json: { text } };
  if (body === 'ntfy') {
    const topic = url.pathname.replace(/^\/+|\/+$/g, '');
    const tags = message.event === 'run_finished' ? ['checkered_flag'] : message.event === 'task_paused' ? ['hourglass'] : ['warning'];
    return { url: new URL('/', url).href, json: { topic, title: messageTitle(message), message: text, tags } };
  }
  return { url: url.href, json: { text, ...message } };
}

/** Posts one notification; throws on a network error, a timeout or an answer other than 2xx. */
export async function sendWebhook(url: URL, body: WebhookBody, message: NotifyMessage, options: { timeoutMs: number }): Promise<void> {
  const request = webhookRequest(url, body, message);
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request.json),
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  // The body is read so the connection is released; only its start is worth a log line.
  const answer = (await response.text().catch(() => '')).slice(0, 200);
  if (!response.ok) throw new Error(`HTTP ${response.status}${answer ? `: ${answer}` : ''}`);
}
