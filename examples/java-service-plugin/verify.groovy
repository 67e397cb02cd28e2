// The package ships the very jar this build compiled, next to the project's main artifact in the
// local repository.
import java.nio.file.Files
import java.util.zip.ZipFile

def jar = new File(basedir, 'target/hello-service.jar')
def deb = new File(basedir, 'target/wazo-plugind-hello-service-demo_1.0.0_all.deb')
assert jar.isFile() && deb.isFile()
def secondRun = new File(basedir, 'target/second-run/' + deb.name)
assert secondRun.bytes == deb.bytes: 'mvn wazo:package alone must give the same bytes as mvn install'
def repo = new File(localRepositoryPath, 'io/github/wazodeb/examples/java-service-plugin/1.0.0')
assert new File(repo, 'java-service-plugin-1.0.0.jar').isFile()
assert new File(repo, 'java-service-plugin-1.0.0.deb').bytes == deb.bytes

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
assert run(['dpkg-deb', '-f', deb.path, 'Depends']).trim() ==
        'default-jre-headless (>= 2:1.17) | java17-runtime-headless'
def extracted = Files.createTempDirectory('hello-service-deb').toFile()
try {
    run(['dpkg-deb', '-x', deb.path, extracted.path])
    def shipped = new File(extracted, 'usr/share/wazo-hello-service/hello-service.jar')
    assert shipped.bytes == jar.bytes: 'the package must carry the jar this build made'
    new ZipFile(shipped).withCloseable { zip ->
        assert zip.getEntry('io/github/wazodeb/examples/service/HelloService.class') != null
    }
    assert new File(extracted, 'lib/systemd/system/wazo-hello-service.service').isFile()
} finally {
    extracted.deleteDir()
}
true
