// Checks the hello-world package with the real dpkg-deb: its fields, its files, its install script;
// and that `mvn install` put it in the local repository and a second build gave the same bytes.
import java.nio.file.Files

def deb = new File(basedir, 'target/wazo-plugind-hello-world-demo_0.0.1_all.deb')
assert deb.isFile()
def installed = new File(localRepositoryPath, 'io/github/wazodeb/examples/hello-world/0.0.1/hello-world-0.0.1.deb')
assert installed.isFile(): "mvn install did not put the .deb in ${installed}"
assert installed.bytes == deb.bytes
def secondRun = new File(basedir, 'target/second-run/' + deb.name)
assert secondRun.isFile()
assert secondRun.bytes == deb.bytes: 'a second build of the same plugin gave different bytes'

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

def fields = run(['dpkg-deb', '-f', deb.path, 'Package', 'Version', 'Architecture', 'Section', 'Maintainer'])
assert fields.readLines() == [
        'Package: wazo-plugind-hello-world-demo',
        'Version: 0.0.1',
        'Architecture: all',
        'Section: wazo-plugind-plugin',
        'Maintainer: Wazo Maintainers <dev+pkg@wazo.community>']
assert run(['dpkg-deb', '-f', deb.path, 'Description']).startsWith('Dial ***42 to hear hello world')

def listing = run(['sh', '-c', "dpkg-deb --fsys-tarfile '${deb.path}' | tar -tv --utc -f -"]).readLines()
def paths = listing.collect { it.substring(it.indexOf(' ./') + 1) }
assert paths.contains('./etc/asterisk/extensions_extra.d/hello-world.conf')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/hello-world/wazo/plugin.yml')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/hello-world/wazo/rules')
assert listing.find { it.endsWith('/wazo/rules') }.startsWith('-rwxr-xr-x root/root')
assert listing.every { it.contains(' 2024-01-01 00:00 ') }: 'entries must carry project.build.outputTimestamp'

def extracted = Files.createTempDirectory('hello-world-deb').toFile()
try {
    run(['dpkg-deb', '-x', deb.path, extracted.path])
    def dialplan = new File(extracted, 'etc/asterisk/extensions_extra.d/hello-world.conf').text
    assert dialplan.contains('exten = ***42,1,Answer()')
    assert dialplan.contains('Playback(hello-world)')
    run(['dpkg-deb', '-e', deb.path, new File(extracted, 'DEBIAN').path])
    def postinst = new File(extracted, 'DEBIAN/postinst').text
    assert postinst.contains('/usr/lib/wazo-plugind/plugins/demo/hello-world/wazo/rules')
    assert !new File(extracted, 'DEBIAN/conffiles').exists()
} finally {
    extracted.deleteDir()
}

// Installed and removed with the real dpkg in a throw-away root (busybox userland, no asterisk): the
// maintainer scripts run the plugin's rules steps as wazo-plugind's packages do.
def missing = io.github.wazodeb.deb.testing.Requirements.missing(io.github.wazodeb.deb.testing.Requirements.SANDBOX)
if (!missing.isEmpty()) {
    assert System.getenv('WAZODEB_REQUIRE_DPKG') != '1': "the dpkg sandbox needs: ${missing}"
    println "SKIPPED the install in a dpkg sandbox: ${missing}"
    return true
}
io.github.wazodeb.deb.testing.DpkgSandbox.create().withCloseable { root ->
    def install = root.install(deb.toPath())
    assert install.succeeded(): install.describe()
    assert root.isInstalled('wazo-plugind-hello-world-demo')
    assert java.nio.file.Files.isRegularFile(root.path('/etc/asterisk/extensions_extra.d/hello-world.conf'))
    def remove = root.remove('wazo-plugind-hello-world-demo')
    assert remove.succeeded(): remove.describe()
    // No conffiles: a plain remove takes the dialplan file away, as wazo-plugind expects.
    assert !java.nio.file.Files.exists(root.path('/etc/asterisk/extensions_extra.d/hello-world.conf'))
}
true
