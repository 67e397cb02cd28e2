// The build failed at wazo:package, naming the step, its exit status and its last lines; nothing was left.
def log = new File(basedir, 'build.log').text
assert log.contains('wazo/rules build failed with exit status 3')
assert log.contains('Last lines it printed:')
assert log.contains('  error: boom at line 42')
assert log.contains('[rules build] compiling the plugin')
assert !log.contains('package must not run')
assert !log.contains('at io.github.wazodeb')
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.deb') }
