import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { describeMissingJava, findJava, JavaProbe, parseReleaseFile, parseVersionOutput } from '../java';

/** A probe over an imaginary disk: `files` maps paths to contents; `links` maps symlinks to targets. */
function probe(options: { env?: Record<string, string>; files?: Record<string, string>; links?: Record<string, string>;
  versions?: Record<string, string>; platform?: NodeJS.Platform }): JavaProbe & { ran: string[] } {
  const files = options.files ?? {};
  const ran: string[] = [];
  return {
    ran,
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    isFile: (file) => file in files || file in (options.links ?? {}),
    readFile: (file) => files[file],
    realPath: (file) => options.links?.[file] ?? file,
    runVersion: (executable) => {
      ran.push(executable);
      return options.versions?.[executable];
    },
  };
}

const jdk = (home: string, version: string) => ({
  [path.join(home, 'bin', 'java')]: '',
  [path.join(home, 'release')]: `IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="${version}"\n`,
});

test('the setting comes first, then JDK_HOME, JAVA_HOME and PATH', () => {
  const disk = { ...jdk('/opt/jdk21', '21.0.4'), ...jdk('/opt/jdk17', '17.0.15'), '/usr/bin/java': '' };
  const env = { JAVA_HOME: '/opt/jdk17', PATH: '/usr/bin' };
  assert.deepEqual(findJava({ settingHome: '/opt/jdk21' }, probe({ env, files: disk })).found,
    { source: 'setting', executable: '/opt/jdk21/bin/java', version: 21 });
  assert.deepEqual(findJava({}, probe({ env, files: disk })).found,
    { source: 'JAVA_HOME', executable: '/opt/jdk17/bin/java', version: 17 });
  assert.equal(findJava({}, probe({ env: { ...env, JDK_HOME: '/opt/jdk21' }, files: disk })).found?.source, 'JDK_HOME');
});

test('a runtime that is too old or missing is skipped, and the reason kept', () => {
  const disk = { ...jdk('/opt/jdk11', '11.0.2'), ...jdk('/opt/jdk17', '17.0.1') };
  const search = findJava({ settingHome: '/nowhere' }, probe({ env: { JAVA_HOME: '/opt/jdk11', PATH: '/opt/jdk17/bin' }, files: disk }));
  assert.deepEqual(search.found, { source: 'PATH', executable: '/opt/jdk17/bin/java', version: 17 });
  assert.deepEqual(search.rejected.map((r) => r.source), ['setting', 'JAVA_HOME']);
  assert.match(search.rejected[0].reason, /\/nowhere\/bin\/java does not exist/);
  assert.match(search.rejected[1].reason, /Java 11 is too old/);
});

test('java on PATH is followed through its links to read the release file without starting it', () => {
  const disk = { ...jdk('/usr/lib/jvm/java-17-openjdk-amd64', '17.0.15') };
  const p = probe({ env: { PATH: '/usr/local/bin:/usr/bin' }, files: { ...disk, '/usr/bin/java': '' },
    links: { '/usr/bin/java': '/usr/lib/jvm/java-17-openjdk-amd64/bin/java' } });
  assert.deepEqual(findJava({}, p).found, { source: 'PATH', executable: '/usr/bin/java', version: 17 });
  assert.deepEqual(p.ran, []);
});

test('without a release file, java -version is asked', () => {
  const p = probe({ env: { PATH: '/usr/bin' }, files: { '/usr/bin/java': '' },
    versions: { '/usr/bin/java': 'openjdk version "1.8.0_392"\nOpenJDK Runtime Environment' } });
  const search = findJava({}, p);
  assert.equal(search.found, undefined);
  assert.match(search.rejected[0].reason, /Java 8 is too old/);
  assert.deepEqual(p.ran, ['/usr/bin/java']);
});

test('the bundled runtime is the last resort', () => {
  const disk = jdk('/ext/jre', '17.0.15');
  const search = findJava({ bundledHome: '/ext/jre' }, probe({ env: {}, files: disk }));
  assert.deepEqual(search.found, { source: 'bundled', executable: '/ext/jre/bin/java', version: 17 });
});

test('nothing found: the message says what is missing and what was tried', () => {
  const search = findJava({ settingHome: '~/jdks/17' }, probe({ env: { HOME: '/home/ada', JAVA_HOME: '/opt/gone', PATH: '/usr/bin' } }));
  assert.equal(search.found, undefined);
  const message = describeMissingJava(search);
  assert.match(message, /needs Java 17 or later/);
  assert.match(message, /logbook\.java\.home: \/home\/ada\/jdks\/17\/bin\/java does not exist/);
  assert.match(message, /JAVA_HOME: \/opt\/gone\/bin\/java does not exist/);
  assert.match(message, /PATH: no java executable on PATH/);
});

test('Windows paths use java.exe and ; in Path', () => {
  const home = 'C:\\jdk';
  const exe = path.join(home, 'bin', 'java.exe');
  const search = findJava({}, probe({ platform: 'win32', env: { Path: 'C:\\Windows;' + path.join(home, 'bin') },
    files: { [exe]: '' }, versions: { [exe]: 'openjdk version "21" 2023-09-19' } }));
  assert.deepEqual(search.found, { source: 'PATH', executable: exe, version: 21 });
});

test('version strings of every era', () => {
  assert.equal(parseReleaseFile('JAVA_VERSION="17.0.15"'), 17);
  assert.equal(parseReleaseFile('JAVA_VERSION="1.8.0_392"'), 8);
  assert.equal(parseReleaseFile('JAVA_VERSION="25"'), 25);
  assert.equal(parseReleaseFile('nothing here'), undefined);
  assert.equal(parseVersionOutput('openjdk version "21-ea" 2023-09-19'), 21);
  assert.equal(parseVersionOutput('java version "1.8.0_202"'), 8);
  assert.equal(parseVersionOutput('Error: could not find libjava.so'), undefined);
});
