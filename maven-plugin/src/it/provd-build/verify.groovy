// The channel holds one archive per plugin and a plugins.db listing them with their size and SHA-1; every
// entry carries the project's outputTimestamp and root ownership; v1 leaves out common's A2 template.
import groovy.json.JsonSlurper
import java.security.MessageDigest
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS'): log
def channel = new File(basedir, 'target/provd/testing')
def db = new JsonSlurper().parse(new File(channel, 'plugins.db'))
assert db.keySet() == ['wazo-acme-1', 'wazo-acme-2'] as Set
assert db['wazo-acme-1'].filename == 'wazo-acme-1-1.0.10.tar.bz2'
assert db['wazo-acme-1'].version == '1.0.10'
def archive = new File(channel, db['wazo-acme-1'].filename)
assert archive.length() == db['wazo-acme-1'].dsize
assert MessageDigest.getInstance('SHA-1').digest(archive.bytes).encodeHex().toString() == db['wazo-acme-1'].sha1sum
def names = []
new TarArchiveInputStream(new BZip2CompressorInputStream(new FileInputStream(archive))).withCloseable { tar ->
    for (def entry = tar.nextEntry; entry != null; entry = tar.nextEntry) {
        names << entry.name
        assert entry.userName == 'root' && entry.longUserId == 0
        assert entry.lastModifiedDate.time == 1704067200000L
    }
}
assert names == ['wazo-acme-1/', 'wazo-acme-1/plugin-info', 'wazo-acme-1/templates/', 'wazo-acme-1/templates/base.tpl',
                 'wazo-acme-1/var/', 'wazo-acme-1/var/cache/', 'wazo-acme-1/var/installed/', 'wazo-acme-1/var/templates/',
                 'wazo-acme-1/var/tftpboot/']: names
