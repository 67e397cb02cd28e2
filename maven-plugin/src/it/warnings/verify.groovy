// An unquoted version is only a warning: it is logged once (by validate; package does not repeat it),
// and the package keeps the literal text 1.10 (YAML alone would read 1.1).
def log = new File(basedir, 'build.log').text
def warnings = log.readLines().findAll { it.startsWith('[WARNING] wazo/plugin.yml:3:') && it.contains('version "1.10"') }
assert warnings.size() == 1: log
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/wazo-plugind-warned-wazodeb_1.10_all.deb').isFile()
