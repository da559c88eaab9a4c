'use client';
import { useEffect, useState } from 'react';

// System / light / dark, remembered in localStorage (same key as the pre-paint theme script).
type Theme = 'system' | 'light' | 'dark';
const KEY = 'tollgate-theme';

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

export function ThemeSwitch() {
  const [theme, setTheme] = useState<Theme>('system');

  useEffect(() => {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') setTheme(saved);
  }, []);

  useEffect(() => {
    if (theme !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => apply('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [theme]);

  const choose = (next: Theme) => {
    setTheme(next);
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
    apply(next);
  };

  return (
    <label className="flex items-center justify-between gap-2 px-4 py-2 text-xs text-slate-600">
      Theme
      <select
        value={theme}
        onChange={(e) => choose(e.target.value as Theme)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
