import type { ReactNode } from 'react';
import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from '@react-email/components';
import type { EmailBrand } from '../brand';

// The frame every template shares: the company's logo or name in its colour, the body, and a
// footer with the unsubscribe link when the mail is not transactional. Inline styles only: mail
// clients drop <style> blocks and class names.

export const styles = {
  text: { fontSize: '15px', lineHeight: '24px', color: '#1f2937', margin: '0 0 16px' },
  muted: { fontSize: '13px', lineHeight: '20px', color: '#6b7280', margin: '0 0 8px' },
  cell: { fontSize: '14px', padding: '6px 0', color: '#374151' },
  figure: { fontSize: '14px', padding: '6px 0', color: '#111827', textAlign: 'right' as const, fontWeight: 600 },
};

export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Text key={i} style={styles.text}>
            {p}
          </Text>
        ))}
    </>
  );
}

export function CallToAction({ href, label, brand }: { href: string; label: string; brand: EmailBrand }) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Link
        href={href}
        style={{
          backgroundColor: brand.color,
          color: '#ffffff',
          borderRadius: '6px',
          padding: '12px 20px',
          fontSize: '15px',
          fontWeight: 600,
          textDecoration: 'none',
          display: 'inline-block',
        }}
      >
        {label}
      </Link>
      <Text style={styles.muted}>
        Or open this link: <Link href={href}>{href}</Link>
      </Text>
    </Section>
  );
}

export function EmailLayout(props: {
  brand: EmailBrand;
  preview: string;
  unsubscribeUrl: string | null;
  children: ReactNode;
}) {
  const { brand } = props;
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body
        style={{ backgroundColor: '#f3f4f6', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' }}
      >
        <Container style={{ backgroundColor: '#ffffff', maxWidth: '600px', width: '100%', borderRadius: '8px' }}>
          <Section style={{ borderTop: `4px solid ${brand.color}`, padding: '24px 32px 0' }}>
            {brand.logoUrl ? (
              <Img src={brand.logoUrl} alt={brand.companyName} height="32" />
            ) : (
              <Text style={{ fontSize: '18px', fontWeight: 700, color: brand.color, margin: 0 }}>
                {brand.companyName}
              </Text>
            )}
          </Section>
          <Section style={{ padding: '16px 32px 8px' }}>{props.children}</Section>
          <Hr style={{ borderColor: '#e5e7eb', margin: '0 32px' }} />
          <Section style={{ padding: '16px 32px 24px' }}>
            <Text style={styles.muted}>
              {brand.companyName}
              {props.unsubscribeUrl ? (
                <>
                  {' · '}
                  <Link href={props.unsubscribeUrl}>Unsubscribe</Link> from these e-mails.
                </>
              ) : (
                ' · You receive this e-mail because it concerns your account.'
              )}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
