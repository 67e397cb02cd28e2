// -Dwazo.wazoVersionCheck=false reached the build: the plugin has min_wazo_version and max_wazo_version,
// which by default give the package a preinst, and this package has none.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB

def deb = packageIn(basedir, 'target/wazo-plugind-gate-wazodeb_1.0_all.deb')

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB)) {
    return true
}
def members = controlOf(deb).list() as List
assert members.containsAll(['control', 'postinst', 'prerm', 'postrm']): members
assert !members.contains('preinst'): members
true
