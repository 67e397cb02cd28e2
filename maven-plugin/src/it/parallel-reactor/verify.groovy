// Both modules were packaged in a parallel build, with no warning about goals that are not thread-safe.
def log = new File(basedir, 'build.log').text
assert log.contains('with a thread count of 2')
assert !log.contains('not marked @threadSafe')
['alpha', 'beta'].each { module ->
    assert new File(basedir, "${module}/target/wazo-plugind-${module}-wazodeb_1.0.0_all.deb").isFile()
    (1..5).each { assert log.contains("[rules package] ${module} line ${it}") }
}
true
