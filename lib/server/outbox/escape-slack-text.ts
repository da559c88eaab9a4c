// Slack reads <…> as links and mentions (<!channel>, <@U123>, <https://evil|Invoice>) and &
// as the start of an entity. Text that reaches Slack comes from customers, invoices and models,
// so those three characters are always escaped, as Slack's formatting guide asks; *bold* and
// _italic_ still render.
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

// The payload as sent: every Slack message passes here, whoever drafted it.
export function outgoingPayload(channel: string, payload: Record<string, unknown>): Record<string, unknown> {
  if (channel !== 'slack' || typeof payload.text !== 'string') return payload;
  return { ...payload, text: escapeSlackText(payload.text) };
}
