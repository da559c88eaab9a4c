import { createElement, type ReactElement } from 'react';
import { render } from '@react-email/render';
import { EMAIL_TEMPLATES, isTransactional, type EmailTemplateId } from '@/lib/schemas/email-templates';
import type { ActionPayload } from '@/lib/schemas/action-kinds';
import type { EmailBrand } from './brand';
import { TEMPLATE_COMPONENTS } from './templates/email-templates';

export interface RenderedEmail {
  template: EmailTemplateId;
  transactional: boolean;
  subject: string;
  html: string;
  text: string;
}

// The e-mail exactly as the recipient gets it: the approval preview and the transports call this
// one function with the same stored payload, so what was approved is what is sent.
export async function renderEmail(
  payload: ActionPayload<'email'>,
  opts: { brand: EmailBrand; unsubscribeUrl: string | null },
): Promise<RenderedEmail> {
  const template = payload.template ?? 'plain';
  const transactional = isTransactional(template);
  const data = EMAIL_TEMPLATES[template].data.parse(payload.templateData ?? {});
  // Each entry is typed for its own data; the data was parsed with that template's schema just above.
  const Component = TEMPLATE_COMPONENTS[template] as unknown as (p: Record<string, unknown>) => ReactElement;
  const element = createElement(Component, {
    brand: opts.brand,
    subject: payload.subject,
    body: payload.body,
    data,
    unsubscribeUrl: transactional ? null : opts.unsubscribeUrl,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { template, transactional, subject: payload.subject, html, text };
}
