// The plugin in plugin/ was packaged: its wazo/ folder and what its package step installed, and nothing
// from the repository root (README.md, pom.xml, target/).
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

def deb = packageIn(basedir, 'target/wazo-plugind-phonebook-demo-demo_2.0.0_all.deb')
sameBytesAsSecondRun(deb)
installedInLocalRepository(localRepositoryPath, 'io.github.wazodeb.examples', 'subdirectory-plugin', '2.0.0')

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
def paths = pathsIn(deb)
assert paths.contains('./usr/share/wazo-phonebook-demo/contacts.csv')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/phonebook-demo/wazo/plugin.yml')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/phonebook-demo/wazo/rules')
assert !paths.any { it.contains('README') || it.contains('pom.xml') || it.contains('target') }
true
