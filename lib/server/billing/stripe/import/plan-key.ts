/** A plan key from a product name and interval: "Pro API" monthly → "pro_api_month". */
export function planKeyFor(name: string, interval: string | null): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return [slug || 'plan', interval].filter(Boolean).join('_');
}
