/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test build goes to its own folder so `npm test` never clobbers the app's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['neo4j-driver'],
};

module.exports = nextConfig;
