import type { Config } from '@react-router/dev/config'

export default {
  ssr: true,
  // Parallel test runs (and the benchmark) can build into folders of their own.
  buildDirectory: process.env.BUILD_DIR ?? 'build',
} satisfies Config
