// The first build's steps ran in a private copy: its package holds their output, the project does not.
// The second, with -Dwazo.inPlace=true, ran them in the project itself, whose build/ holds that run alone.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB

def project = basedir.canonicalPath
def ranInProject = new File(basedir, 'build/ran-in')
assert ranInProject.isFile(): 'the in-place build step wrote nothing in the project'
assert ranInProject.readLines() == [project]: 'only the in-place build may write in the project: ' + ranInProject.text

def privateDeb = packageIn(basedir, 'target/wazo-plugind-copied-wazodeb_1.0.0_all.deb')
def inPlaceDeb = packageIn(basedir, 'target/in-place/wazo-plugind-copied-wazodeb_1.0.0_all.deb')
if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB)) {
    return true
}
def privateRun = new File(payloadOf(privateDeb), 'usr/share/wazodeb-copied/ran-in').readLines()
assert privateRun.size() == 1
assert privateRun[0] != project && !privateRun[0].startsWith(project + '/'): 'the private build ran in ' + privateRun
assert new File(payloadOf(inPlaceDeb), 'usr/share/wazodeb-copied/ran-in').readLines() == [project]
true
