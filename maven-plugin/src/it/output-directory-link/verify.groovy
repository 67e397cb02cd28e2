// wazo:package refused the link to nothing before the rules steps ran, naming the POM parameter.
def log = new File(basedir, 'build.log').text
assert log.contains('the output directory ' + new File(basedir, 'debs') + ' is a link to ' + new File(basedir, 'gone')
        + ', which does not exist: change <outputDirectory> (property wazo.outputDirectory)'): log
assert !log.contains('[rules build]'): log
assert !new File(basedir, 'build-step-ran').exists()
assert !new File(basedir, 'gone').exists()
assert !log.contains('at io.github.wazodeb')
true
