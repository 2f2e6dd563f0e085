package io.github.proxmoxmcp.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Getting files onto a storage and looking into them: {@code query-url-metadata}, {@code download-url} and
 * {@code upload} (both tasks that add the file when they end, checksum checked), {@code import-metadata} of an
 * importable image, and {@code file-restore/list} of a PBS backup. A URL on a host under {@code .invalid} cannot be
 * reached; any other answers with a file whose size follows from the URL.
 */
final class StorageTransfers {

    private static final String CHECKSUMS = "checksum checksum-algorithm:md5|sha1|sha224|sha256|sha384|sha512";
    private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");
    /** The file names each content type takes, as pve-storage's ISO, template and import patterns have them. */
    private static final Map<String, Pattern> EXTENSIONS = Map.of(
            "iso", Pattern.compile("[^/]+\\.(?:iso|img)", Pattern.CASE_INSENSITIVE),
            "vztmpl", Pattern.compile("[^/]+\\.tar\\.(?:gz|xz|zst|bz2)"),
            "import", Pattern.compile("[^/]+\\.(?:ova|ovf|qcow2|raw|vmdk)"));

    private final Cluster cluster;

    StorageTransfers(Cluster cluster) {
        this.cluster = cluster;
    }

    void register(Router r) {
        r.get("/nodes/{node}/query-url-metadata", "url* verify-certificates:bool", q -> metadata(q.str("url")));
        r.post("/nodes/{node}/storage/{storage}/download-url",
                "url* content*:iso|vztmpl|import filename* compression verify-certificates:bool " + CHECKSUMS, this::download);
        r.post("/nodes/{node}/storage/{storage}/upload", "content*:iso|vztmpl|import filename* tmpfilename " + CHECKSUMS,
                this::upload);
        r.get("/nodes/{node}/storage/{storage}/import-metadata", "volume*", this::importMetadata);
        r.get("/nodes/{node}/storage/{storage}/file-restore/list", "volume* filepath*", this::fileRestore);
    }

    private Map<String, Object> metadata(String url) {
        URI uri = reachable(url);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Map<String, Object> m = new LinkedHashMap<>();
        if (!name.isEmpty()) {
            m.put("filename", name);
        }
        m.put("size", sizeOf(url));
        m.put("mimetype", name.endsWith(".iso") ? "application/x-iso9660-image" : name.endsWith(".tar.zst") ? "application/zstd"
                : name.endsWith(".tar.gz") ? "application/gzip" : name.endsWith(".tar.xz") ? "application/x-xz"
                : "application/octet-stream");
        return m;
    }

    private static URI reachable(String url) {
        if (!url.matches("https?://.*")) {
            throw ApiException.parameter("url", "value does not match the regex pattern");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiException.fail("invalid URL '" + url + "'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (host.isEmpty() || host.endsWith(".invalid")) {
            throw ApiException.fail("invalid server response: '500 Can't connect to " + host + ":"
                    + (url.startsWith("https") ? 443 : 80) + " (Name or service not known)'");
        }
        return uri;
    }

    /** A size from 16 MiB to about 2 GiB, the same for the same URL. */
    private static long sizeOf(String url) {
        return (16L << 20) + Math.floorMod(url.hashCode() * 2654435761L, 2L << 30);
    }

    private Object download(Request q) {
        String url = q.str("url");
        reachable(url);
        Target target = target(q);
        long size = sizeOf(url);
        checksumShape(q);
        if (target.exists()) {
            throw ApiException.fail("refusing to override existing file '" + target.path() + "'");
        }
        return cluster.startTask(q.node(), "download", q.str("filename"), q.user, t -> {
            t.log.add("downloading " + url + " to " + target.path());
            if (q.has("checksum")) {
                t.log.add("calculating checksum of '" + target.path() + "'...");
                t.log.add("checksum verified");
            }
            target.store(size);
            t.log.add("download of '" + url + "' to '" + target.path() + "' finished");
        }, "starting download of " + url);
    }

    /** The sandbox has no file behind a URL: a checksum is taken as right when it is hex of the algorithm's length. */
    private static void checksumShape(Request q) {
        if (q.has("checksum") != q.has("checksum-algorithm")) {
            throw ApiException.parameter(q.has("checksum") ? "checksum-algorithm" : "checksum", "missing value");
        }
        if (q.has("checksum")) {
            int length = hexLength(q.str("checksum-algorithm"));
            if (!q.str("checksum").matches("[0-9a-fA-F]{" + length + "}")) {
                throw ApiException.fail("checksum mismatch: '" + q.str("checksum") + "' is not a "
                        + q.str("checksum-algorithm") + " checksum");
            }
        }
    }

    private static int hexLength(String algorithm) {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(algorithm)).getDigestLength() * 2;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object upload(Request q) {
        if (q.upload == null) {
            throw ApiException.fail("upload of '" + q.str("filename") + "' failed: no file in the multipart body");
        }
        Target target = target(q);
        byte[] bytes = q.upload;
        return cluster.startTask(q.node(), "imgcopy", "", q.user, t -> {
            if (q.has("checksum")) {
                String got = digest(q.str("checksum-algorithm"), bytes);
                if (!got.equalsIgnoreCase(q.str("checksum"))) {
                    throw new Task.Failure("checksum mismatch: got '" + got + "' != expect '" + q.str("checksum") + "'");
                }
                t.log.add("checksum verified");
            }
            t.log.add("target file: " + target.path());
            target.replace(bytes.length);
            t.log.add("file size is: " + bytes.length);
        }, "starting file import from: /var/tmp/pveupload-" + Configs.sha1(q.str("filename")).substring(0, 32));
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(ALGORITHMS.get(algorithm)).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a downloaded or uploaded file goes: checked for the storage's content types and the file name. */
    private record Target(Cluster cluster, StorageDef storage, String node, String content, String filename) {

        String volid() {
            return storage.id() + ":" + content + "/" + filename;
        }

        String path() {
            String dir = switch (content) {
                case "iso" -> "template/iso/";
                case "vztmpl" -> "template/cache/";
                default -> "import/";
            };
            return StorageCollections.path(cluster, storage.id()) + "/" + dir + filename;
        }

        boolean exists() {
            return cluster.volumes(storage.id(), node).stream().anyMatch(v -> v.volid().equals(volid()));
        }

        void store(long size) {
            if (exists()) {
                throw new Task.Failure("refusing to override existing file '" + path() + "'");
            }
            cluster.requireSpace(storage.id(), node, size, "download");
            add(size);
        }

        void replace(long size) {
            cluster.volumes.removeIf(v -> v.volid().equals(volid()) && (storage.shared() || node.equals(v.node())));
            add(size);
        }

        private void add(long size) {
            String format = content.equals("iso") ? "iso" : content.equals("import")
                    ? filename.substring(filename.lastIndexOf('.') + 1)
                    : "t" + filename.substring(filename.lastIndexOf('.') + 1).replace("bz2", "bz");
            cluster.volumes.add(Volume.file(storage.id(), storage.shared() ? null : node, volid(), content, format, size,
                    cluster.now()));
        }
    }

    private Target target(Request q) {
        StorageDef storage = cluster.storageOn(q.var("storage"), q.node());
        String content = q.str("content");
        String filename = q.str("filename");
        if (!List.of("dir", "nfs", "cifs", "cephfs", "btrfs").contains(storage.type())) {
            throw ApiException.fail("storage '" + storage.id() + "' is not a file-based storage: it cannot hold " + content + " files");
        }
        if (!storage.content().contains(content)) {
            throw ApiException.fail("storage '" + storage.id() + "' does not support '" + content + "' content");
        }
        if (!EXTENSIONS.get(content).matcher(filename).matches()) {
            throw ApiException.parameter("filename", "wrong file extension");
        }
        if (filename.length() > 255 || filename.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw ApiException.parameter("filename", "value may only be 255 characters long");
        }
        return new Target(cluster, storage, q.node(), content, filename);
    }

    /** What creating a guest from an importable image would take: name, sizes and the disk from the file name. */
    private Map<String, Object> importMetadata(Request q) {
        Volume volume = stored(q, "import");
        String file = volume.volid().substring(volume.volid().lastIndexOf('/') + 1);
        String name = file.replaceFirst("\\.[^.]+$", "").replaceAll("[^A-Za-z0-9-]", "-");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", name);
        args.put("memory", 2048);
        args.put("cores", 2);
        args.put("sockets", 1);
        args.put("ostype", "l26");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "vm");
        m.put("source", volume.volid());
        m.put("create-args", args);
        m.put("disks", Map.of("scsi0", Map.of("volid", volume.volid() + (file.endsWith(".ova") ? "/" + name + "-disk1.vmdk" : ""))));
        m.put("net", Map.of("net0", Map.of("model", "virtio")));
        m.put("warnings", List.of());
        return m;
    }

    private List<Map<String, Object>> fileRestore(Request q) {
        StorageDef storage = cluster.storageOn(q.var("storage"), q.node());
        if (!storage.type().equals("pbs")) {
            throw ApiException.parameter("storage", "Only PBS storages supported for file-restore.");
        }
        Volume backup = stored(q, "backup");
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("text", backup.subtype().equals("lxc") ? "root.pxar.didx" : "drive-scsi0.img.fidx");
        archive.put("filepath", java.util.Base64.getEncoder().encodeToString(("/" + archive.get("text")).getBytes(StandardCharsets.UTF_8)));
        archive.put("leaf", 0);
        archive.put("type", "v");
        archive.put("size", backup.size());
        archive.put("mtime", backup.ctime());
        return List.of(archive);
    }

    private Volume stored(Request q, String content) {
        String volid = q.str("volume");
        String full = volid.contains(":") ? volid : q.var("storage") + ":" + volid;
        for (Volume volume : cluster.volumes(q.var("storage"), q.node())) {
            if (volume.volid().equals(full)) {
                if (!volume.content().equals(content)) {
                    throw ApiException.fail("volume '" + full + "' is not of content type '" + content + "'");
                }
                return volume;
            }
        }
        throw ApiException.fail("volume '" + full + "' does not exist");
    }
}
