// The package is version 1.0.0 (plugin.yml) but attached as 1.1.0 (the POM): one warning says so, and the
// build goes on.
def log = new File(basedir, 'build.log').text
def warnings = log.readLines().findAll { it.startsWith('[WARNING] wazo/plugin.yml\'s version 1.0.0 differs from the project\'s version 1.1.0: ') }
assert warnings.size() == 1: log
assert warnings[0].contains('wazo-plugind-mismatch-wazodeb_1.0.0_all.deb is attached to the build as version 1.1.0')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/wazo-plugind-mismatch-wazodeb_1.0.0_all.deb').isFile()
