import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DEFAULT_VM_ARGS, serverCommand, splitArguments } from '../serverCommand';

test('the server runs the jar over stdio with a small heap and exits on OutOfMemoryError', () => {
  const command = serverCommand({ java: '/jdk/bin/java', jar: '/ext/server/logbook-ls.jar' });
  assert.equal(command.command, '/jdk/bin/java');
  assert.deepEqual(command.args, [...DEFAULT_VM_ARGS, '-jar', '/ext/server/logbook-ls.jar', '--stdio']);
  assert.ok(command.args.includes('-XX:+ExitOnOutOfMemoryError'));
  assert.ok(command.args.some((arg) => arg.startsWith('-Xmx')));
});

test('user VM arguments come after the defaults, so they win', () => {
  const command = serverCommand({ java: 'java', jar: 'x.jar', vmArgs: '-Xmx1g  "-Dlogbook.dir=/tmp/my logs"' });
  const xmx = command.args.lastIndexOf('-Xmx1g');
  assert.ok(xmx > command.args.indexOf('-Xmx512m'));
  assert.ok(command.args.includes('-Dlogbook.dir=/tmp/my logs'));
  assert.ok(xmx < command.args.indexOf('-jar'));
});

test('a user\'s heap size replaces the default sizes, which could clash with it', () => {
  for (const vmArgs of ['-Xmx32m', '-Xms1g', '-Xmn8m', '-XX:MaxHeapSize=64m', '-XX:NewSize=8m']) {
    const args = serverCommand({ java: 'java', jar: 'x.jar', vmArgs }).args;
    assert.deepEqual(args.filter((arg) => /^-Xm[sxn]|HeapSize|NewSize/.test(arg)), [vmArgs], vmArgs);
    assert.ok(args.includes('-XX:+UseSerialGC') && args.includes('-XX:+ExitOnOutOfMemoryError'), vmArgs);
  }
  const other = serverCommand({ java: 'java', jar: 'x.jar', vmArgs: '-Dlogbook.x=1 -XX:+UseG1GC' }).args;
  assert.deepEqual(other.slice(0, DEFAULT_VM_ARGS.length), DEFAULT_VM_ARGS);
});

test('debugging adds a local JDWP agent that does not wait for the debugger', () => {
  const command = serverCommand({ java: 'java', jar: 'x.jar', debugPort: 5005 });
  const agent = command.args.find((arg) => arg.startsWith('-agentlib:jdwp'));
  assert.equal(agent, '-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,quiet=y,address=127.0.0.1:5005');
  assert.ok(command.args.indexOf(agent!) < command.args.indexOf('-jar'));
});

test('arguments split like a shell without running one', () => {
  assert.deepEqual(splitArguments(''), []);
  assert.deepEqual(splitArguments('  -Xmx1g\t-Da=b '), ['-Xmx1g', '-Da=b']);
  assert.deepEqual(splitArguments(`-Dx="a b" '-Dy=c d' -Dz=""`), ['-Dx=a b', '-Dy=c d', '-Dz=']);
  assert.deepEqual(splitArguments('$(rm -rf /) ; echo'), ['$(rm', '-rf', '/)', ';', 'echo']);
});

test('the JVM writes nothing of its own on stdout, the protocol\'s stream, even with clashing user options', (t) => {
  // A JVM warning on stdout (such as -Xmn above -Xms gave) corrupts the first message and the client drops the server.
  for (const vmArgs of ['', '-Xmx32m', '-Xms1g', '-Xmn64m -Xmx48m', '-Xmn8m']) {
    const command = serverCommand({ java: 'java', jar: 'x.jar', vmArgs });
    const options = command.args.slice(0, command.args.indexOf('-jar'));
    const run = spawnSync('java', [...options, '-version'], { encoding: 'utf8' });
    if (run.error) {
      t.skip('no java on the PATH');
      return;
    }
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '', `stdout with "${vmArgs}"`);
  }
});
