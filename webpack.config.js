/**
 * Build of the task pane, the ribbon command page and the optimiser worker.
 *
 * dist/ serves /taskpane.html, /commands.html, /assets/icon-*.png, /office-js/office.js (copied
 * from @microsoft/office-js, so no CDN is needed), /optimiser.worker.js and /solver/highs.wasm.
 * ExcelJS (file mode outside Office) and the HiGHS solver (optimiser worker) are loaded only when
 * needed; `npm run build` prints the gzipped size of the initial chunks (scripts/bundle-size.js).
 */
const path = require('path');
const webpack = require('webpack');
// webpack 5.113 minifies through minimizer-webpack-plugin (terser inside).
const MinimizerPlugin = require('minimizer-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS = 'node_modules/@microsoft/office-js/dist';

/** TypeScript via ts-loader; ES modules so that webpack can split dynamic import()s. */
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: true },
    },
  },
};

/** highs' Emscripten loader names Node built-ins behind a runtime check; the browser never takes that path. */
const nodeBuiltins = [
  new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
    resource.request = resource.request.replace(/^node:/, '');
  }),
];
const resolve = {
  extensions: ['.ts', '.tsx', '.js', '.mjs'],
  fallback: { fs: false, path: false, crypto: false, module: false, stream: false, os: false },
};

async function httpsOptions() {
  // Only for `npm run dev-server` (Office needs https); the browser tests use plain http from scripts/serve.js.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const addinUrl = process.env.ADDIN_URL;
  const serving = process.argv.some((a) => a === 'serve');

  const pane = {
    name: 'pane',
    target: 'web',
    devtool: production ? false : 'eval-source-map',
    cache: { type: 'filesystem', name: `pane-${argv.mode}` },
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      publicPath: 'auto',
      // The worker compilation runs after this one (dependencies below), so cleaning here is safe.
      clean: true,
    },
    // The pane's main thread never runs the solver (the worker does): keep highs out of its chunks.
    resolve: { ...resolve, alias: { highs: false } },
    module: { rules: [tsRule] },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 10 },
        },
      },
      // exceljs ships minified (dist/exceljs.min.js); minifying it again only costs build time.
      minimizer: [new MinimizerPlugin({ exclude: /exceljs/, minify: MinimizerPlugin.terserMinify })],
    },
    plugins: [
      ...nodeBuiltins,
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            noErrorOnMissing: true,
            transform(content) {
              const text = content.toString();
              return production && addinUrl ? text.split(DEV_URL).join(addinUrl.replace(/\/?$/, '/')) : text;
            },
          },
          // office.js and the files it loads from its own folder (mapping table, host scripts, strings).
          { from: `${OFFICE_JS}/office.js`, to: 'office-js/' },
          { from: `${OFFICE_JS}/o15apptofilemappingtable.js`, to: 'office-js/' },
          { from: `${OFFICE_JS}/es6-promise.js`, to: 'office-js/' },
          { from: 'excel*.js', context: OFFICE_JS, to: 'office-js/', globOptions: { ignore: ['**/*.debug.js'] } },
          { from: '*/office_strings.js', context: OFFICE_JS, to: 'office-js/' },
          { from: 'telemetry/*.js', context: OFFICE_JS, to: 'office-js/', globOptions: { ignore: ['**/*.debug.js'] } },
          { from: 'ariatelemetry/*.js', context: OFFICE_JS, to: 'office-js/' },
        ],
      }),
    ],
    devServer: {
      static: path.resolve(__dirname, 'dist'),
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: 3000,
      server: serving ? { type: 'https', options: await httpsOptions().catch(() => undefined) } : undefined,
    },
  };

  const worker = {
    name: 'worker',
    target: 'webworker',
    devtool: production ? false : 'eval-source-map',
    cache: { type: 'filesystem', name: `worker-${argv.mode}` },
    entry: {
      'optimiser.worker': './src/taskpane/worker/optimiser.worker.ts',
      // file mode: the opened .xlsx, checks, plan and outputs off the pane's main thread
      'session.worker': './src/taskpane/worker/session.worker.ts',
      // Excel mode: checks, rule-based plan and outputs off the pane's main thread
      'compute.worker': './src/taskpane/worker/compute.worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: 'chunks/worker-[name].[contenthash:8].js',
      publicPath: 'auto',
    },
    resolve,
    module: {
      rules: [tsRule],
      // highs.mjs names its wasm with new URL(…, import.meta.url); we serve our own copy (solver/).
      parser: { javascript: { url: false } },
    },
    performance: { hints: false },
    plugins: [
      ...nodeBuiltins,
      new CopyWebpackPlugin({ patterns: [{ from: 'node_modules/highs/build/highs.wasm', to: 'solver/' }] }),
    ],
  };

  worker.dependencies = ['pane'];
  if (production) {
    // `npm run build` prints the gzipped sizes once both compilations are written.
    worker.plugins.push({
      apply(compiler) {
        compiler.hooks.done.tap('BundleSize', (stats) => {
          if (!stats.hasErrors()) require('./scripts/bundle-size.js').report();
        });
      },
    });
  }

  return [pane, worker];
};
