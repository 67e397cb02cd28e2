// Without wazo:validate in the build, wazo:package logs the plugin's warnings itself, once.
def log = new File(basedir, 'build.log').text
def warnings = log.readLines().findAll { it.startsWith('[WARNING] wazo/plugin.yml:3:') && it.contains('version "1.10"') }
assert warnings.size() == 1: log
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/wazo-plugind-warned-wazodeb_1.10_all.deb').isFile()
