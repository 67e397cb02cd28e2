// wazo:package ran out of heap: one sentence naming MAVEN_OPTS, no OutOfMemoryError trace, nothing left.
def log = new File(basedir, 'build.log').text
assert log.contains('[rules package] making the names'): log
assert log.contains("ran out of memory (Maven's JVM may use at most "): log
assert log.contains('give it more with MAVEN_OPTS=-Xmx1g (or -Xmx1g in .mvn/jvm.config) -> [Help 1]'): log
assert !log.contains('java.lang.OutOfMemoryError'): log
assert !log.contains('at io.github.wazodeb')
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.deb') }
def tmp = new File(basedir, '../out-of-memory-tmp')
assert tmp.isDirectory()
assert tmp.list().length == 0: tmp.list().join(', ')
true
