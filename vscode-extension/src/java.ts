/**
 * Finding a Java 17+ runtime to run the server. Pure of the `vscode` module so it can be unit
 * tested: the file system, the environment and the version probe come in as a `JavaProbe`.
 *
 * Order: the `logbook.java.home` setting, `JDK_HOME`, `JAVA_HOME`, `java` on `PATH`, then the
 * runtime bundled in the platform package. A candidate that is missing or older than 17 is
 * skipped, and the reason kept, so the message for "nothing found" can say exactly what was tried.
 */
import * as path from 'path';

export const MINIMUM_JAVA = 17;

export type JavaSource = 'setting' | 'JDK_HOME' | 'JAVA_HOME' | 'PATH' | 'bundled';

export interface JavaRuntime {
  source: JavaSource;
  /** The `java` executable to run. */
  executable: string;
  /** The feature release, such as 17 or 21. */
  version: number;
}

export interface Rejected {
  source: JavaSource;
  location: string;
  reason: string;
}

export interface JavaSearch {
  /** The runtime to use, if any candidate qualified. */
  found?: JavaRuntime;
  /** Candidates looked at and refused, in search order. */
  rejected: Rejected[];
}

/** What the search may look at; the real one reads the disk and runs `java -version`. */
export interface JavaProbe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  isFile(file: string): boolean;
  readFile(file: string): string | undefined;
  realPath(file: string): string;
  /** Runs `java -version` and returns what it printed (on stderr), or undefined if it could not run. */
  runVersion(executable: string): string | undefined;
}

export interface JavaSearchOptions {
  /** The `logbook.java.home` setting, if set. */
  settingHome?: string | null;
  /** The runtime shipped inside a platform package, if this package has one. */
  bundledHome?: string;
}

export function findJava(options: JavaSearchOptions, probe: JavaProbe): JavaSearch {
  const rejected: Rejected[] = [];
  const candidates: Array<{ source: JavaSource; home?: string; executable?: string }> = [];
  const setting = options.settingHome?.trim();
  if (setting) {
    candidates.push({ source: 'setting', home: expandHome(setting, probe.env) });
  }
  for (const variable of ['JDK_HOME', 'JAVA_HOME'] as const) {
    const home = probe.env[variable]?.trim();
    if (home) {
      candidates.push({ source: variable, home });
    }
  }
  const onPath = searchPath(probe);
  if (onPath) {
    candidates.push({ source: 'PATH', executable: onPath });
  } else {
    rejected.push({ source: 'PATH', location: 'PATH', reason: 'no java executable on PATH' });
  }
  if (options.bundledHome) {
    candidates.push({ source: 'bundled', home: options.bundledHome });
  }
  for (const candidate of candidates) {
    const executable = candidate.executable ?? javaIn(candidate.home!, probe.platform);
    const location = candidate.home ?? executable;
    if (!probe.isFile(executable)) {
      rejected.push({ source: candidate.source, location, reason: `${executable} does not exist` });
      continue;
    }
    const version = versionOf(executable, candidate.home, probe);
    if (version === undefined) {
      rejected.push({ source: candidate.source, location, reason: `${executable} did not report a Java version` });
      continue;
    }
    if (version < MINIMUM_JAVA) {
      rejected.push({ source: candidate.source, location, reason: `Java ${version} is too old (the server needs ${MINIMUM_JAVA} or later)` });
      continue;
    }
    return { found: { source: candidate.source, executable, version }, rejected };
  }
  return { rejected };
}

/** One paragraph for the user: what is missing, what was tried, and what to do. */
export function describeMissingJava(search: JavaSearch): string {
  const tried = search.rejected.map((r) => `${describeSource(r.source)}: ${r.reason}`).join('; ');
  return `Logbook LS needs Java ${MINIMUM_JAVA} or later to run its language server, and found none (${tried}). `
    + `Install a JDK or JRE ${MINIMUM_JAVA}+ (for example Temurin or your system's openjdk-${MINIMUM_JAVA}-jre package), `
    + `or set "logbook.java.home" to its folder, or install the Logbook LS package for your platform, which bundles a runtime.`;
}

function describeSource(source: JavaSource): string {
  switch (source) {
    case 'setting': return 'logbook.java.home';
    case 'bundled': return 'bundled runtime';
    default: return source;
  }
}

export function javaIn(home: string, platform: NodeJS.Platform): string {
  return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

function expandHome(folder: string, env: Record<string, string | undefined>): string {
  const home = env.HOME ?? env.USERPROFILE;
  return home && (folder === '~' || folder.startsWith('~/')) ? path.join(home, folder.slice(1)) : folder;
}

function searchPath(probe: JavaProbe): string | undefined {
  const variable = probe.platform === 'win32' ? (probe.env.Path ?? probe.env.PATH) : probe.env.PATH;
  if (!variable) {
    return undefined;
  }
  const name = probe.platform === 'win32' ? 'java.exe' : 'java';
  for (const folder of variable.split(probe.platform === 'win32' ? ';' : ':')) {
    if (folder && probe.isFile(path.join(folder, name))) {
      return path.join(folder, name);
    }
  }
  return undefined;
}

/**
 * The runtime's feature version. The `release` file beside `bin/` answers without starting a JVM;
 * otherwise (a `java` on PATH, often a symlink chain) the home is found through the real path, and
 * as a last resort `java -version` is run.
 */
function versionOf(executable: string, home: string | undefined, probe: JavaProbe): number | undefined {
  const homes = home ? [home] : [];
  try {
    homes.push(path.dirname(path.dirname(probe.realPath(executable))));
  } catch {
    // A dangling link: fall through to running it, which will fail and say so.
  }
  for (const folder of homes) {
    const release = probe.readFile(path.join(folder, 'release'));
    const version = release === undefined ? undefined : parseReleaseFile(release);
    if (version !== undefined) {
      return version;
    }
  }
  const printed = probe.runVersion(executable);
  return printed === undefined ? undefined : parseVersionOutput(printed);
}

/** `JAVA_VERSION="17.0.15"` (or `"1.8.0_392"`) in a runtime's `release` file. */
export function parseReleaseFile(text: string): number | undefined {
  const match = /^JAVA_VERSION="([^"]+)"/m.exec(text);
  return match ? featureVersion(match[1]) : undefined;
}

/** `openjdk version "17.0.15" 2025-04-15` or `java version "1.8.0_392"`, as `java -version` prints. */
export function parseVersionOutput(text: string): number | undefined {
  const match = /version "([^"]+)"/.exec(text);
  return match ? featureVersion(match[1]) : undefined;
}

function featureVersion(version: string): number | undefined {
  const parts = version.split(/[.\-+_]/);
  const first = Number.parseInt(parts[0], 10);
  if (Number.isNaN(first)) {
    return undefined;
  }
  // Before Java 9 the feature release was the second number: 1.8 is Java 8.
  return first === 1 && parts.length > 1 ? Number.parseInt(parts[1], 10) : first;
}
