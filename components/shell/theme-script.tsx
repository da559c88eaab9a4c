import { headers } from 'next/headers';

// Applies the remembered theme (localStorage "tollgate-theme": light | dark, absent = system)
// before the first paint, so dark users never see a light flash. Carries the request's CSP nonce.
export const THEME_STORAGE_KEY = 'tollgate-theme';

const script = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;

export async function ThemeScript() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
