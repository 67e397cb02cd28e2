// The program's test wrote the package through the deb-builder API; dpkg-deb reads it.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

def deb = packageIn(basedir, 'target/packages/wazo-plugind-weather-demo_3.1.4_all.deb')
def log = new File(basedir, 'build.log').text
assert log.contains('  build> nothing to compile'): 'the listener shows the rules steps output'

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
assert fields(deb, 'Package', 'Version', 'Maintainer') == [
        Package: 'wazo-plugind-weather-demo', Version: '3.1.4', Maintainer: 'Example Tool <tool@example.org>']
assert new String(deb.bytes, 'ISO-8859-1').contains('data.tar.zst')
def paths = pathsIn(deb)
assert paths.contains('./etc/asterisk/extensions_extra.d/weather.conf')
assert paths.contains('./usr/lib/wazo-plugind/plugins/demo/weather/wazo/rules')
true
