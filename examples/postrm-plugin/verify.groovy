// A format 1 plugin: the package's postrm calls the backed-up rules script's postrm step on remove and
// purge, and its prerm makes that backup.
import java.nio.file.Files

def deb = new File(basedir, 'target/wazo-plugind-call-counter-demo_1.0.0_all.deb')
assert deb.isFile()
def secondRun = new File(basedir, 'target/second-run/' + deb.name)
assert secondRun.bytes == deb.bytes: 'mvn wazo:package alone must give the same bytes as mvn install'
assert new File(localRepositoryPath, 'io/github/wazodeb/examples/postrm-plugin/1.0.0/postrm-plugin-1.0.0.deb').isFile()

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
def control = Files.createTempDirectory('call-counter-control').toFile()
try {
    run(['dpkg-deb', '-e', deb.path, control.path])
    def backup = '/var/lib/wazo-plugind/rules/rules.call-counter.demo'
    def prerm = new File(control, 'prerm').text
    assert prerm.contains('/usr/lib/wazo-plugind/plugins/demo/call-counter/wazo/rules')
    assert prerm.contains(backup)
    def postrm = new File(control, 'postrm').text
    assert postrm.contains(backup)
    assert postrm.contains('"$BACKUP" postrm'): "format 1 runs the postrm step:\n${postrm}"
    assert new File(control, 'postrm').canExecute()
} finally {
    control.deleteDir()
}
def paths = run(['sh', '-c', "dpkg-deb --fsys-tarfile '${deb.path}' | tar -t -f -"]).readLines()
assert paths.contains('./usr/share/wazo-call-counter/initial-count')

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
    assert root.readLines('/var/lib/wazo-call-counter/count') == ['0']: 'the install step creates the state'
    def remove = root.remove('wazo-plugind-call-counter-demo')
    assert remove.succeeded(): remove.describe()
    assert !java.nio.file.Files.exists(root.path('/var/lib/wazo-call-counter')): 'the postrm step removes it'
    assert !java.nio.file.Files.exists(root.path('/var/lib/wazo-plugind/rules/rules.call-counter.demo'))
    def purge = root.purge('wazo-plugind-call-counter-demo')
    assert purge.succeeded(): 'a purge after the remove must succeed: ' + purge.describe()
}
true
