// The Depends field: debian_depends as written (a version constraint, an alternative), then the plugin
// it depends on as its package name.
def deb = new File(basedir, 'target/wazo-plugind-hello-french-demo_1.2.0_all.deb')
assert deb.isFile()
def secondRun = new File(basedir, 'target/second-run/' + deb.name)
assert secondRun.bytes == deb.bytes: 'mvn wazo:package alone must give the same bytes as mvn install'
assert new File(localRepositoryPath, 'io/github/wazodeb/examples/dependent-plugin/1.2.0/dependent-plugin-1.2.0.deb').isFile()

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
assert run(['dpkg-deb', '-f', deb.path, 'Depends']).trim() ==
        'sox (>= 14.4.2), wazo-sounds-fr-fr | asterisk-core-sounds-fr, wazo-plugind-hello-world-demo'
assert run(['dpkg-deb', '-f', deb.path, 'Package']).trim() == 'wazo-plugind-hello-french-demo'
def paths = run(['sh', '-c', "dpkg-deb --fsys-tarfile '${deb.path}' | tar -t -f -"]).readLines()
assert paths.contains('./etc/asterisk/extensions_extra.d/hello-french.conf')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/hello-french/wazo/plugin.yml')
true
