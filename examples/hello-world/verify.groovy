// Checks the hello-world package with the real dpkg-deb: its fields, its files, its install script;
// and that `mvn install` put it in the local repository and a second build gave the same bytes.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

import io.github.wazodeb.deb.testing.DpkgSandbox
import io.github.wazodeb.deb.testing.Requirements
import java.nio.file.Files

def deb = packageIn(basedir, 'target/wazo-plugind-hello-world-demo_0.0.1_all.deb')
assert installedInLocalRepository(localRepositoryPath, 'io.github.wazodeb.examples', 'hello-world', '0.0.1')
        .bytes == deb.bytes
sameBytesAsSecondRun(deb)

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
assert fields(deb, 'Package', 'Version', 'Architecture', 'Section', 'Maintainer') == [
        Package: 'wazo-plugind-hello-world-demo',
        Version: '0.0.1',
        Architecture: 'all',
        Section: 'wazo-plugind-plugin',
        Maintainer: 'Wazo Maintainers <dev+pkg@wazo.community>']
assert field(deb, 'Description').startsWith('Dial ***42 to hear hello world')

def paths = pathsIn(deb)
assert paths.contains('./etc/asterisk/extensions_extra.d/hello-world.conf')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/hello-world/wazo/plugin.yml')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/hello-world/wazo/rules')
def listing = listingOf(deb)
assert listing.find { it.endsWith('/wazo/rules') }.startsWith('-rwxr-xr-x root/root')
assert listing.every { it.contains(' 2024-01-01 00:00 ') }: 'entries must carry project.build.outputTimestamp'

def dialplan = new File(payloadOf(deb), 'etc/asterisk/extensions_extra.d/hello-world.conf').text
assert dialplan.contains('exten = ***42,1,Answer()')
assert dialplan.contains('Playback(hello-world)')
def control = controlOf(deb)
assert new File(control, 'postinst').text.contains('/usr/lib/wazo-plugind/plugins/demo/hello-world/wazo/rules')
assert !new File(control, 'conffiles').exists()

// Installed and removed with the real dpkg in a throw-away root (busybox userland, no asterisk): the
// maintainer scripts run the plugin's rules steps as wazo-plugind's packages do.
if (!toolsAvailable('the install in a dpkg sandbox', Requirements.SANDBOX)) {
    return true
}
DpkgSandbox.create().withCloseable { root ->
    def install = root.install(deb.toPath())
    assert install.succeeded(): install.describe()
    assert root.isInstalled('wazo-plugind-hello-world-demo')
    assert Files.isRegularFile(root.path('/etc/asterisk/extensions_extra.d/hello-world.conf'))
    def remove = root.remove('wazo-plugind-hello-world-demo')
    assert remove.succeeded(): remove.describe()
    // No conffiles: a plain remove takes the dialplan file away, as wazo-plugind expects.
    assert !Files.exists(root.path('/etc/asterisk/extensions_extra.d/hello-world.conf'))
}
true
