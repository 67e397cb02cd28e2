// The plugin in plugin/ was packaged: its wazo/ folder and what its package step installed, and nothing
// from the repository root (README.md, pom.xml, target/).
def deb = new File(basedir, 'target/wazo-plugind-phonebook-demo-demo_2.0.0_all.deb')
assert deb.isFile()
def secondRun = new File(basedir, 'target/second-run/' + deb.name)
assert secondRun.bytes == deb.bytes: 'mvn wazo:package alone must give the same bytes as mvn install'
assert new File(localRepositoryPath, 'io/github/wazodeb/examples/subdirectory-plugin/2.0.0/subdirectory-plugin-2.0.0.deb').isFile()

if (!['dpkg-deb', 'tar'].every { ['sh', '-c', "command -v $it"].execute().waitFor() == 0 }) {
    assert System.getenv('WAZODEB_REQUIRE_DPKG') != '1': 'dpkg-deb and tar are required (WAZODEB_REQUIRE_DPKG=1)'
    println 'SKIPPED the dpkg-deb checks: dpkg-deb or tar is not installed'
    return true
}
def run = { List<String> command ->
    def process = command.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0: "${command} failed: ${err}"
    out.toString()
}
def paths = run(['sh', '-c', "dpkg-deb --fsys-tarfile '${deb.path}' | tar -t -f -"]).readLines()
assert paths.contains('./usr/share/wazo-phonebook-demo/contacts.csv')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/phonebook-demo/wazo/plugin.yml')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/phonebook-demo/wazo/rules')
assert !paths.any { it.contains('README') || it.contains('pom.xml') || it.contains('target') }
true
