// The program's test wrote the package through the deb-builder API; dpkg-deb reads it.
def deb = new File(basedir, 'target/packages/wazo-plugind-weather-demo_3.1.4_all.deb')
assert deb.isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('  build> nothing to compile'): 'the listener shows the rules steps output'

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
assert run(['dpkg-deb', '-f', deb.path, 'Package', 'Version', 'Maintainer']).readLines() == [
        'Package: wazo-plugind-weather-demo', 'Version: 3.1.4', 'Maintainer: Example Tool <tool@example.org>']
assert new String(deb.bytes, 'ISO-8859-1').contains('data.tar.zst')
def paths = run(['sh', '-c', "dpkg-deb --fsys-tarfile '${deb.path}' | tar -t -f -"]).readLines()
assert paths.contains('./etc/asterisk/extensions_extra.d/weather.conf')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/weather/wazo/rules')
true
