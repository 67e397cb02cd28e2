// The Depends field: debian_depends as written (a version constraint, an alternative), then the plugin
// it depends on as its package name.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

def deb = packageIn(basedir, 'target/wazo-plugind-hello-french-demo_1.2.0_all.deb')
sameBytesAsSecondRun(deb)
installedInLocalRepository(localRepositoryPath, 'io.github.wazodeb.examples', 'dependent-plugin', '1.2.0')

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
assert fields(deb, 'Depends', 'Package') == [
        Depends: 'sox (>= 14.4.2), wazo-sounds-fr-fr | asterisk-core-sounds-fr, wazo-plugind-hello-world-demo',
        Package: 'wazo-plugind-hello-french-demo']
def paths = pathsIn(deb)
assert paths.contains('./etc/asterisk/extensions_extra.d/hello-french.conf')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/hello-french/wazo/plugin.yml')
true
