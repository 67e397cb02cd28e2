// An unquoted min_wazo_version is only a warning: it is logged once (by validate; package does not repeat it),
// and the build goes on.
def log = new File(basedir, 'build.log').text
def warnings = log.readLines().findAll { it.startsWith('[WARNING] wazo/plugin.yml:4:') && it.contains('min_wazo_version "20.10"') }
assert warnings.size() == 1: log
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/wazo-plugind-warned-wazodeb_1.10_all.deb').isFile()
