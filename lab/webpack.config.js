// Webpack build of our JupyterLab host, after JupyterLab v4.5's dev_mode: a module-federation
// host (ModuleFederationPlugin, name CORE_FEDERATION, the core shared scope) whose entry,
// bootstrap.js, loads the federated extensions listed in page config before the app starts.
// `ANPR_LAB_MODE=production` gives a minified build; development is the default (faster).
const path = require('path');
const webpack = require('webpack');
const { Build } = require('@jupyterlab/builder');
const miniSVGDataURI = require('mini-svg-data-uri');
const data = require('./package.json');
const { hostShared } = require('./federation/core-manifest');

const output = process.env.ANPR_LAB_OUTPUT || path.join(__dirname, 'build');
const assets = Build.ensureAssets({
  packageNames: [...data.jupyterlab.extensions, ...data.jupyterlab.mimeExtensions],
  output
});
const mode = process.env.ANPR_LAB_MODE === 'production' ? 'production' : 'development';

module.exports = [
  {
    entry: { main: ['./bootstrap.js'] },
    output: { path: output, filename: 'bundle.js', chunkFilename: '[name].[contenthash].js', clean: false },
    bail: true,
    devtool: mode === 'production' ? false : 'source-map',
    mode,
    performance: { hints: false },
    stats: 'errors-warnings',
    module: {
      rules: [
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.html$/, type: 'asset/resource' },
        { test: /\.md$/, type: 'asset/source' },
        { test: /\.(jpg|png|gif)$/, type: 'asset/resource' },
        { test: /\.js.map$/, type: 'asset/resource' },
        { test: /\.woff2?(\?v=\d+\.\d+\.\d+)?$/, type: 'asset' },
        { test: /\.ttf(\?v=\d+\.\d+\.\d+)?$/, type: 'asset' },
        { test: /\.eot(\?v=\d+\.\d+\.\d+)?$/, type: 'asset/resource' },
        {
          test: /\.svg(\?v=\d+\.\d+\.\d+)?$/,
          issuer: /\.css$/,
          type: 'asset/inline',
          generator: { dataUrl: content => miniSVGDataURI(content.toString()) }
        },
        { test: /\.svg(\?v=\d+\.\d+\.\d+)?$/, issuer: /\.js$/, type: 'asset/source' }
      ]
    },
    resolve: {
      fallback: { fs: false, path: false, crypto: false },
      // The generated style.js may sit outside the tree (ANPR_LAB_OUTPUT): resolve from ours.
      modules: ['node_modules', path.join(__dirname, 'node_modules'), path.join(__dirname, '..', 'node_modules')],
      alias: { 'anpr-lab-build': output }
    },
    plugins: [
      new webpack.DefinePlugin({ process: { cwd: () => '/', env: {} } }),
      new webpack.container.ModuleFederationPlugin({
        library: { type: 'var', name: ['_JUPYTERLAB', 'CORE_LIBRARY_FEDERATION'] },
        name: 'CORE_FEDERATION',
        shared: hostShared()
      })
    ]
  }
].concat(assets);
