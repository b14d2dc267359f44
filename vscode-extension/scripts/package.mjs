// `npm run package`: builds the server jar if it is missing or older than its sources, bundles the
// extension, and writes, offline, with @vscode/vsce:
//   logbook-ls-<version>.vsix            every platform; needs Java 17+ on the machine
//   logbook-ls-linux-x64-<version>.vsix  with a jlink-trimmed Java runtime; needs no Java at all
// The platform package is made when this machine is linux-x64 and has a JDK with jlink and jmods;
// docs/vscode-extension.md says how the other platforms' packages are built.
// Options: --universal-only, --target-only.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repository = path.dirname(extension);
const version = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8')).version;
const jar = path.join(repository, 'server', 'target', 'logbook-ls.jar');
const run = (command, args, options = {}) => execFileSync(command, args, { stdio: 'inherit', ...options });

function newestSource(folder) {
  let newest = 0;
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    const stat = statSync(file);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(file) : stat.mtimeMs);
  }
  return newest;
}

const sourcesChanged = () => Math.max(newestSource(path.join(repository, 'server', 'src', 'main')),
  statSync(path.join(repository, 'server', 'pom.xml')).mtimeMs, statSync(path.join(repository, 'pom.xml')).mtimeMs);
if (!existsSync(jar) || statSync(jar).mtimeMs < sourcesChanged()) {
  console.log('Building the server jar (mvn -B -q package -DskipTests)…');
  run('mvn', ['-B', '-q', 'package', '-DskipTests'], { cwd: repository });
}
run(process.execPath, [path.join(extension, 'scripts', 'build.mjs'), '--production']);

const vsce = path.join(extension, 'node_modules', '@vscode', 'vsce', 'vsce');
const vsceArgs = ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--allow-star-activation'];
const jre = path.join(extension, 'jre');
rmSync(jre, { recursive: true, force: true });

if (!process.argv.includes('--target-only')) {
  run(process.execPath, [vsce, ...vsceArgs, '--out', path.join(extension, `logbook-ls-${version}.vsix`)], { cwd: extension });
}
if (!process.argv.includes('--universal-only')) {
  const jlink = findJdkTool('jlink');
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.warn(`Skipping the linux-x64 package: this machine is ${process.platform}-${process.arch}.`);
  } else if (!jlink) {
    console.warn('Skipping the linux-x64 package: no JDK with jlink and jmods (set JAVA_HOME to a JDK 17+).');
  } else {
    const jdeps = path.join(path.dirname(jlink), 'jdeps');
    const needed = execFileSync(jdeps, ['--ignore-missing-deps', '--print-module-deps', '--multi-release', '17', jar], { encoding: 'utf8' }).trim();
    // jdk.unsupported: gson and LSP4J fall back to sun.misc.Unsafe for classes without a no-argument constructor.
    const modules = [...new Set([...needed.split(','), 'jdk.unsupported'])].join(',');
    console.log(`jlink: ${modules}`);
    run(jlink, ['--add-modules', modules, '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2',
      '--output', jre]);
    try {
      run(process.execPath, [vsce, ...vsceArgs, '--target', 'linux-x64', '--out', path.join(extension, `logbook-ls-linux-x64-${version}.vsix`)],
        { cwd: extension });
    } finally {
      rmSync(jre, { recursive: true, force: true });
    }
  }
}

/** A JDK tool from JAVA_HOME, else beside the javac on PATH. */
function findJdkTool(name) {
  const homes = [];
  if (process.env.JAVA_HOME) {
    homes.push(process.env.JAVA_HOME);
  }
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const javac = path.join(folder, 'javac');
    if (folder && existsSync(javac)) {
      homes.push(path.dirname(path.dirname(realpathSync(javac))));
    }
  }
  for (const home of homes) {
    if (existsSync(path.join(home, 'bin', name)) && existsSync(path.join(home, 'jmods', 'java.base.jmod'))) {
      return path.join(home, 'bin', name);
    }
  }
  return undefined;
}
