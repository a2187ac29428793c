package com.oraclesync.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An OCI image layout tarball read as a container runtime would: index.json, the manifest, the config, and the
 * files of every layer (the text of the small ones kept, to compare; jars and classes only by name).
 */
final class OciImage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long KEPT_FILE_BYTES = 1 << 20;

    private final JsonNode config;
    private final Set<String> paths;
    private final Map<String, String> texts;

    private OciImage(JsonNode config, Set<String> paths, Map<String, String> texts) {
        this.config = config;
        this.paths = paths;
        this.texts = texts;
    }

    static OciImage read(Path tarball) throws IOException {
        Map<String, Path> blobs = unpackBlobs(tarball);
        JsonNode index = JSON.readTree(blobs.get("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(blobs, index.path("manifests").path(0).path("digest").asText()).toFile());
        JsonNode config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText()).toFile());
        Set<String> paths = new TreeSet<>();
        Map<String, String> texts = new HashMap<>();
        for (JsonNode layer : manifest.path("layers")) {
            readLayer(blob(blobs, layer.path("digest").asText()), paths, texts);
        }
        return new OciImage(config.path("config"), paths, texts);
    }

    /** The image's runtime configuration: Entrypoint, User, ExposedPorts, WorkingDir, Env. */
    JsonNode config() {
        return config;
    }

    /** Every file and directory of the image, as absolute paths without a trailing slash. */
    Set<String> paths() {
        return paths;
    }

    boolean hasPath(String path) {
        return paths.contains(path);
    }

    String text(String path) {
        String text = texts.get(path);
        if (text == null) {
            throw new AssertionError("no file " + path + " in the image");
        }
        return text;
    }

    private static Map<String, Path> unpackBlobs(Path tarball) throws IOException {
        Path directory = Files.createTempDirectory("oci-image");
        directory.toFile().deleteOnExit();
        Map<String, Path> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    Path file = directory.resolve(entry.getName().replace('/', '_'));
                    Files.copy(tar, file);
                    file.toFile().deleteOnExit();
                    files.put(entry.getName(), file);
                }
            }
        }
        return files;
    }

    private static Path blob(Map<String, Path> blobs, String digest) {
        Path blob = blobs.get("blobs/" + digest.replace(':', '/'));
        if (blob == null) {
            throw new AssertionError("the tarball has no blob " + digest);
        }
        return blob;
    }

    private static void readLayer(Path layer, Set<String> paths, Map<String, String> texts) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(layer)));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = "/" + entry.getName().replaceAll("/$", "");
                paths.add(path);
                if (entry.isFile() && entry.getSize() <= KEPT_FILE_BYTES && !path.endsWith(".jar") && !path.endsWith(".class")) {
                    texts.put(path, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
