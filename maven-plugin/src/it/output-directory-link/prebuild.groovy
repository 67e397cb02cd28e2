// The POM's <outputDirectory> is a link to a folder that does not exist (git cannot hold it: made here).
import java.nio.file.Files

def link = new File(basedir, 'debs').toPath()
Files.deleteIfExists(link)
Files.createSymbolicLink(link, new File(basedir, 'gone').toPath())
true
