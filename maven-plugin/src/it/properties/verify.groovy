// -Dwazo.compression, -Dwazo.maintainer and -Dwazo.outputDirectory reached the build, and the entries
// carry project.build.outputTimestamp (1700000000 = 2023-11-14 22:13:20 UTC).
def deb = new File(basedir, 'target/debs/wazo-plugind-props-wazodeb_2.1.0-1_all.deb')
assert deb.isFile()
def members = new String(deb.bytes, 'ISO-8859-1')
assert members.contains('control.tar.zst') && members.contains('data.tar.zst')
assert new File(basedir, 'build.log').text.contains('Built ' + deb.canonicalPath)

def dpkgDeb = ['dpkg-deb', 'tar'].every { tool -> ['sh', '-c', "command -v $tool"].execute().waitFor() == 0 }
if (!dpkgDeb) {
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
assert run(['dpkg-deb', '-f', deb.path, 'Maintainer']).trim() == 'Jane Doe <jane@example.org>'
assert run(['dpkg-deb', '-f', deb.path, 'Package', 'Version'])
        .readLines() == ['Package: wazo-plugind-props-wazodeb', 'Version: 2.1.0-1']
def listing = run(['sh', '-c', "dpkg-deb --fsys-tarfile '${deb.path}' | tar -tv --utc -f -"]).readLines()
assert listing.any { it.endsWith('./usr/share/wazodeb-props/hello.txt') }
assert listing.every { it.contains('2023-11-14 22:13') }: listing.join('\n')
true
