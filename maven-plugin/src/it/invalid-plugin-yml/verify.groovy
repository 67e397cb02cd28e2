// The build stopped at validate, naming the file, the line and the rule, and without a stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('Invalid Wazo plugin in ')
assert log =~ /wazo\/plugin\.yml:2:\d+: name "no_underscore" must match/
assert !log.contains('rules package ran') && !log.contains('rules build ran')
assert !log.contains('at io.github.wazodeb')
assert log.contains('wazo-maven-plugin:') && log.contains(':validate')
assert !new File(basedir, 'target').exists() || !new File(basedir, 'target').listFiles().any { it.name.endsWith('.deb') }
