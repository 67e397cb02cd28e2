// -Dwazo.compression, -Dwazo.maintainer and -Dwazo.outputDirectory reached the build, and the entries
// carry project.build.outputTimestamp (1700000000 = 2023-11-14 22:13:20 UTC).
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

def deb = packageIn(basedir, 'target/debs/wazo-plugind-props-wazodeb_2.1.0-1_all.deb')
def members = new String(deb.bytes, 'ISO-8859-1')
assert members.contains('control.tar.zst') && members.contains('data.tar.zst')
assert new File(basedir, 'build.log').text.contains('Built ' + deb.canonicalPath)

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
assert fields(deb, 'Maintainer', 'Package', 'Version') == [
        Maintainer: 'Jane Doe <jane@example.org>', Package: 'wazo-plugind-props-wazodeb', Version: '2.1.0-1']
def listing = listingOf(deb)
assert listing.any { it.endsWith('./usr/share/wazodeb-props/hello.txt') }
assert listing.every { it.contains('2023-11-14 22:13') }: listing.join('\n')
true
