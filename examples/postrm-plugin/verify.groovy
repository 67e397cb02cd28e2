// A format 1 plugin: the package's postrm calls the backed-up rules script's postrm step on remove and
// purge, and its prerm makes that backup.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

import io.github.wazodeb.deb.testing.DpkgSandbox
import io.github.wazodeb.deb.testing.Requirements
import java.nio.file.Files

def deb = packageIn(basedir, 'target/wazo-plugind-call-counter-demo_1.0.0_all.deb')
sameBytesAsSecondRun(deb)
installedInLocalRepository(localRepositoryPath, 'io.github.wazodeb.examples', 'postrm-plugin', '1.0.0')

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
def control = controlOf(deb)
def backup = '/var/lib/wazo-plugind/rules/rules.call-counter.demo'
def prerm = new File(control, 'prerm').text
assert prerm.contains('/usr/lib/wazo-plugind/plugins/demo/call-counter/wazo/rules')
assert prerm.contains(backup)
def postrm = new File(control, 'postrm').text
assert postrm.contains(backup)
assert postrm.contains('"$BACKUP" postrm'): "format 1 runs the postrm step:\n${postrm}"
assert new File(control, 'postrm').canExecute()
assert pathsIn(deb).contains('./usr/share/wazo-call-counter/initial-count')

// Installed and removed with the real dpkg in a throw-away root (busybox userland, no asterisk): the
// maintainer scripts run the plugin's rules steps as wazo-plugind's packages do.
if (!toolsAvailable('the install in a dpkg sandbox', Requirements.SANDBOX)) {
    return true
}
DpkgSandbox.create().withCloseable { root ->
    def install = root.install(deb.toPath())
    assert install.succeeded(): install.describe()
    assert root.readLines('/var/lib/wazo-call-counter/count') == ['0']: 'the install step creates the state'
    def remove = root.remove('wazo-plugind-call-counter-demo')
    assert remove.succeeded(): remove.describe()
    assert !Files.exists(root.path('/var/lib/wazo-call-counter')): 'the postrm step removes it'
    assert !Files.exists(root.path(backup))
    def purge = root.purge('wazo-plugind-call-counter-demo')
    assert purge.succeeded(): 'a purge after the remove must succeed: ' + purge.describe()
}
true
