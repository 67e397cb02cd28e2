package io.github.wazodeb.provd.firmware;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.ProvdListener;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.model.IniDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code provd firmware TREE --download}: fetches the file of every {@code [file_*]} URL of the tree's
 * {@code pkgs.db} files (HTTP or HTTPS, redirects followed, a connection timeout and one per file, several at
 * once, each URL once), streams it through SHA-1 (into the cache folder when there is one, reusing what it
 * holds) and compares the section's {@code size} and {@code sha1sum}; with update, writes the values the
 * download gave, the rest of each file as written.
 */
public final class FirmwareDownload {

    /** A value that differs from the downloaded file's. */
    public record Mismatch(FirmwareFiles.Section section, String key, String written, String actual) {

        public String describe() {
            return section.name() + ":" + section.line(key) + ": " + section.section().name() + "." + key + " "
                    + (written == null ? "is missing" : "\"" + written + "\"") + ": " + section.url() + " has " + actual;
        }
    }

    /** A URL whose file could not be fetched. */
    public record DeadLink(FirmwareFiles.Section section, String reason) {

        public String describe() {
            return section.name() + ":" + section.line("url") + ": " + section.section().name() + ".url "
                    + section.url() + ": " + reason;
        }
    }

    /** What was compared: every mismatch and dead link, and how many sections had no URL to fetch. */
    public record Report(int files, int verified, int withoutUrl, List<Mismatch> mismatches, List<DeadLink> deadLinks) {

        public Report {
            mismatches = List.copyOf(mismatches);
            deadLinks = List.copyOf(deadLinks);
        }
    }

    private record Fetched(long size, String sha1, String error, boolean cached) {
    }

    private static final int AT_ONCE = 4;

    private final Path tree;
    private final Optional<FirmwareCache> cache;
    private final Duration timeout;
    private final ProvdListener listener;

    /**
     * @param cache the folder downloads are kept in and reused from, if any
     * @param timeout for a connection, and for each file's whole download
     */
    public FirmwareDownload(Path tree, Optional<Path> cache, Duration timeout, ProvdListener listener) {
        this.tree = tree.toAbsolutePath().normalize();
        this.cache = cache.map(folder -> new FirmwareCache(folder.toAbsolutePath().normalize()));
        this.timeout = timeout;
        this.listener = listener;
    }

    /** Fetches and compares; with {@code update}, writes the right values of the files that were fetched. */
    public Report run(boolean update) throws InvalidPluginException, ProvdBuildException {
        List<FirmwareFiles.Section> sections = FirmwareFiles.of(tree);
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        int withoutUrl = 0;
        for (FirmwareFiles.Section section : sections) {
            if (section.url().isBlank()) {
                withoutUrl++;
            } else {
                urls.add(section.url().strip());
            }
        }
        Map<String, Fetched> fetched = fetchAll(List.copyOf(urls));
        List<Mismatch> mismatches = new ArrayList<>();
        List<DeadLink> dead = new ArrayList<>();
        int verified = 0;
        for (FirmwareFiles.Section section : sections) {
            if (section.url().isBlank()) {
                continue;
            }
            Fetched file = fetched.get(section.url().strip());
            if (file.error() != null) {
                dead.add(new DeadLink(section, file.error()));
                continue;
            }
            verified++;
            compare(section, "size", String.valueOf(file.size()), mismatches);
            compare(section, "sha1sum", file.sha1(), mismatches);
        }
        if (update) {
            write(mismatches);
        }
        return new Report(sections.size(), verified, withoutUrl, mismatches, dead);
    }

    private static void compare(FirmwareFiles.Section section, String key, String actual, List<Mismatch> mismatches) {
        String written = section.value(key);
        if (written == null || !written.equalsIgnoreCase(actual)) {
            mismatches.add(new Mismatch(section, key, written, actual));
        }
    }

    /** Each pkgs.db with its new values, written once. */
    private static void write(List<Mismatch> mismatches) throws ProvdBuildException {
        Map<Path, List<Mismatch>> byFile = new LinkedHashMap<>();
        mismatches.forEach(mismatch -> byFile.computeIfAbsent(mismatch.section().pkgsDb(), file -> new ArrayList<>())
                .add(mismatch));
        for (Map.Entry<Path, List<Mismatch>> file : byFile.entrySet()) {
            try {
                IniDocument document = IniDocument.parse(Files.readString(file.getKey(), StandardCharsets.UTF_8));
                for (Mismatch mismatch : file.getValue()) {
                    document = document.with(mismatch.section().section().name(), mismatch.key(), mismatch.actual());
                }
                Channel.writeAtomically(file.getKey(), document.text().getBytes(StandardCharsets.UTF_8));
            } catch (IOException | IniDocument.SyntaxException e) {
                throw new ProvdBuildException("cannot update " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    private Map<String, Fetched> fetchAll(List<String> urls) throws ProvdBuildException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        AtomicInteger done = new AtomicInteger();
        try {
            Map<String, Future<Fetched>> futures = new LinkedHashMap<>();
            for (String url : urls) {
                futures.put(url, pool.submit(() -> {
                    Fetched result = fetch(client, url);
                    listener.progress("[" + done.incrementAndGet() + "/" + urls.size() + "] " + url + ": "
                            + (result.error() != null ? result.error() : result.size() + " bytes, sha1 " + result.sha1()
                                    + (result.cached() ? " (cached)" : "")));
                    return result;
                }));
            }
            Map<String, Fetched> fetched = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Fetched>> future : futures.entrySet()) {
                fetched.put(future.getKey(), future.getValue().get());
            }
            return fetched;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvdBuildException("interrupted while downloading firmware", e);
        } catch (ExecutionException e) {
            throw new ProvdBuildException("downloading firmware failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Fetched fetch(HttpClient client, String url) {
        Optional<Path> place = cache.flatMap(folder -> folder.place(url));
        try {
            if (place.isPresent() && Files.isRegularFile(place.get())) {
                try (InputStream in = Files.newInputStream(place.get())) {
                    return digest(in, OutputStream.nullOutputStream(), true);
                }
            }
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                return new Fetched(0, null, "not an HTTP or HTTPS URL", false);
            }
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Fetched(0, null, "HTTP " + response.statusCode() + " (a dead link)", false);
                }
                if (place.isEmpty()) {
                    return digest(body, OutputStream.nullOutputStream(), false);
                }
                Files.createDirectories(place.get().getParent());
                Path partial = Files.createTempFile(place.get().getParent(), ".download-", ".part");
                try {
                    Fetched result;
                    try (OutputStream out = Files.newOutputStream(partial)) {
                        result = digest(body, out, false);
                    }
                    Files.move(partial, place.get(), StandardCopyOption.REPLACE_EXISTING);
                    return result;
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        } catch (IllegalArgumentException e) {
            return new Fetched(0, null, "not a valid URL: " + e.getMessage(), false);
        } catch (IOException e) {
            return new Fetched(0, null, "cannot be fetched: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched(0, null, "interrupted", false);
        }
    }

    private static Fetched digest(InputStream in, OutputStream copy, boolean cached) throws IOException {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            sha1.update(buffer, 0, read);
            copy.write(buffer, 0, read);
            size += read;
        }
        return new Fetched(size, HexFormat.of().formatHex(sha1.digest()), null, cached);
    }
}
