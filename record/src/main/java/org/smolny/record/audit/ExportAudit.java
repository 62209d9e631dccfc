package org.smolny.record.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.json.CanonicalCheck;
import org.smolny.record.json.Entry;
import org.smolny.record.json.InvalidEntryException;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.NodeId;
import org.smolny.record.merkle.Proofs;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.tiles.TilePaths;

/**
 * Recomputes a C2SP tlog-tiles export from scratch (record spec §6): the checkpoint's signature, every entry (canonical, version 1,
 * bundles well formed), every leaf hash in the level-0 tiles, every hash in the higher tiles, the root against the
 * checkpoint, and the earlier checkpoints kept in {@code checkpoints/<size>} against the roots at their sizes.
 * Entry bundles are checked in parallel; memory stays small (one hash per 256 entries). Stateless.
 */
public final class ExportAudit {

    /** Folder of the earlier signed checkpoints in an export, one file per size. */
    public static final String HISTORY = org.smolny.record.tiles.TileExporter.HISTORY;

    private ExportAudit() {
    }

    /** Audits the export in {@code directory}, verifying checkpoint signatures with {@code keys}. */
    public static AuditReport audit(Path directory, TrustedKeys keys, int threads) throws IOException {
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = new ArrayList<>();
        if (!keys.checksSignatures()) {
            notes.add("checkpoint signatures were not checked: no log key was given");
        }
        String note;
        try {
            note = Files.readString(directory.resolve(TilePaths.CHECKPOINT), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new AuditReport(directory.toString(), 0, TreeHasher.emptyRoot(), 0,
                    List.of(Problem.general("the export has no checkpoint file")), notes);
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(note.substring(0, Math.max(0, note.indexOf("\n\n") + 1)));
        } catch (IllegalArgumentException e) {
            return new AuditReport(directory.toString(), 0, TreeHasher.emptyRoot(), 0,
                    List.of(Problem.general("the export's checkpoint is malformed: " + e.getMessage())), notes);
        }
        if (keys.checksSignatures()) {
            // Signature first (record spec §4.2): an unsigned size is not trusted to size the work that follows.
            List<Problem> signature = new ArrayList<>();
            CheckpointCheck.check("the export's checkpoint", note, -1, null, null, Long.MAX_VALUE, keys, signature);
            if (!signature.isEmpty()) {
                return new AuditReport(directory.toString(), 0, TreeHasher.emptyRoot(), 1, signature, notes);
            }
        }
        long size = checkpoint.size();
        Tree tree = new Tree(directory, size, problems);
        tree.checkEntries(threads);
        Hash root = tree.problemsBlockRoot() ? null : tree.root(size);
        int cosigned = CheckpointCheck.check("the export's checkpoint", note, -1, null, root, size, keys, problems);
        if (!keys.witnesses().isEmpty()) {
            notes.add("the export's checkpoint is cosigned by " + cosigned + " known witness(es)");
        }
        int checkpoints = 1;
        Map<Long, Path> history = history(directory);
        for (Map.Entry<Long, Path> earlier : history.entrySet()) {
            long earlierSize = earlier.getKey();
            if (earlierSize > size) {
                problems.add(Problem.general("the earlier checkpoint " + earlier.getValue().getFileName()
                        + " is larger than the export's checkpoint of size " + size));
                continue;
            }
            Hash earlierRoot = tree.problemsBlockRoot() ? null : tree.root(earlierSize);
            CheckpointCheck.check("the earlier checkpoint of size " + earlierSize, Files.readString(earlier.getValue()),
                    earlierSize, null, earlierRoot, size, keys, problems);
            checkpoints++;
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingLong(problem -> problem.entryIndex() < 0 ? Long.MAX_VALUE : problem.entryIndex()));
        return new AuditReport(directory.toString(), size, root == null ? TreeHasher.emptyRoot() : root, checkpoints,
                sorted.subList(0, Math.min(sorted.size(), AuditReport.PROBLEM_LIMIT)), notes);
    }

    private static Map<Long, Path> history(Path directory) throws IOException {
        Map<Long, Path> history = new TreeMap<>();
        Path folder = directory.resolve(HISTORY);
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.matches("0|[1-9][0-9]{0,18}")) {
                        history.put(Long.parseLong(name), file);
                    }
                }
            }
        }
        return history;
    }

    /** The export's tree: recomputed level-8 node hashes, and the tiles read back for smaller nodes. */
    private static final class Tree {
        private final Path directory;
        private final long size;
        private final List<Problem> problems;
        private final long fullBundles;
        private final int tail;
        /** levels.get(k): recomputed hashes of the nodes at tree level 8(k+1), in order. */
        private final List<byte[]> levels = new ArrayList<>();
        private byte[] tailLeaves = new byte[0];
        private volatile boolean entriesBroken;

        Tree(Path directory, long size, List<Problem> problems) {
            this.directory = directory;
            this.size = size;
            this.problems = problems;
            this.fullBundles = size / TilePaths.WIDTH;
            this.tail = (int) (size % TilePaths.WIDTH);
        }

        boolean problemsBlockRoot() {
            return entriesBroken;
        }

        void checkEntries(int threads) throws IOException {
            if (fullBundles > Integer.MAX_VALUE / Hash.LENGTH) {
                throw new IOException("an export of " + size + " entries is too large for this verifier");
            }
            byte[] level8 = new byte[(int) fullBundles * Hash.LENGTH];
            long bundles = fullBundles + (tail > 0 ? 1 : 0);
            AtomicLong next = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < Math.max(1, threads); t++) {
                workers.add(Thread.ofPlatform().name("audit-" + t).start(() -> {
                    BundleChecker checker = new BundleChecker();
                    long bundle;
                    while ((bundle = next.getAndIncrement()) < bundles && problems.size() < AuditReport.PROBLEM_LIMIT) {
                        try {
                            checker.check(bundle, level8);
                        } catch (IOException | RuntimeException e) {
                            failures.add(e);
                            return;
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (!failures.isEmpty()) {
                throw new IOException("cannot read the export: " + failures.get(0).getMessage(), failures.get(0));
            }
            if (entriesBroken) {
                return;
            }
            // Higher tiles: level-8 nodes are checked against tile level 1, level-16 nodes against tile level 2, ...
            TreeHasher hasher = TreeHasher.create();
            byte[] current = level8;
            int tileLevel = 1;
            while (current.length > 0) {
                levels.add(current);
                long count = current.length / Hash.LENGTH;
                for (long tile = 0; tile * TilePaths.WIDTH < count; tile++) {
                    int width = (int) Math.min(TilePaths.WIDTH, count - tile * TilePaths.WIDTH);
                    String path = TilePaths.tile(tileLevel, tile, width);
                    byte[] stored = read(path);
                    long firstEntry = (tile * TilePaths.WIDTH) << (TilePaths.HEIGHT * tileLevel);
                    if (stored == null) {
                        problems.add(Problem.atEntry(firstEntry, "the tile " + path + " is missing"));
                    } else if (stored.length != width * Hash.LENGTH || !java.util.Arrays.equals(stored, 0, stored.length,
                            current, (int) (tile * TilePaths.WIDTH * Hash.LENGTH), (int) ((tile * TilePaths.WIDTH + width) * Hash.LENGTH))) {
                        problems.add(Problem.general("the tile " + path + " (entries from " + firstEntry
                                + ") differs from the hashes recomputed from the entries"));
                    }
                }
                long parents = count / TilePaths.WIDTH;
                byte[] above = new byte[(int) parents * Hash.LENGTH];
                for (int parent = 0; parent < parents; parent++) {
                    byte[] root = subtreeRoot(hasher, current, parent * TilePaths.WIDTH, TilePaths.WIDTH);
                    System.arraycopy(root, 0, above, parent * Hash.LENGTH, Hash.LENGTH);
                }
                current = above;
                tileLevel++;
            }
        }

        /** Checks entry bundle {@code bundle} and its level-0 tile; stores the bundle's subtree root. */
        private final class BundleChecker {
            private final TreeHasher hasher = TreeHasher.create();
            private final CanonicalCheck canonical = new CanonicalCheck();
            private final byte[] leaves = new byte[TilePaths.WIDTH * Hash.LENGTH];
            private final Buffer bundleBuffer = new Buffer(64 * 1024);
            private final Buffer tileBuffer = new Buffer(TilePaths.WIDTH * Hash.LENGTH);

            void check(long bundle, byte[] level8) throws IOException {
                int width = bundle < fullBundles ? TilePaths.WIDTH : tail;
                long first = bundle * TilePaths.WIDTH;
                String entriesPath = TilePaths.entries(bundle, width);
                String tilePath = TilePaths.tile(0, bundle, width);
                int entriesLength = readInto(entriesPath, bundleBuffer);
                byte[] entries = bundleBuffer.bytes;
                int tileLength = readInto(tilePath, tileBuffer);
                byte[] tile = tileBuffer.bytes;
                if (entriesLength < 0) {
                    broken(first, "the entry bundle " + entriesPath + " is missing");
                    return;
                }
                int pos = 0;
                for (int i = 0; i < width; i++) {
                    long index = first + i;
                    if (pos + 2 > entriesLength) {
                        broken(index, "the entry bundle " + entriesPath + " ends before entry " + index);
                        return;
                    }
                    int length = ((entries[pos] & 0xFF) << 8) | (entries[pos + 1] & 0xFF);
                    pos += 2;
                    if (pos + length > entriesLength) {
                        broken(index, "the entry bundle " + entriesPath + " ends inside entry " + index);
                        return;
                    }
                    if (!canonical.isCanonicalEntry(entries, pos, length)) {
                        try {
                            Entry.fromCanonical(java.util.Arrays.copyOfRange(entries, pos, pos + length));
                        } catch (InvalidEntryException e) {
                            problems.add(Problem.atEntry(index, e.getMessage()));
                        }
                    }
                    hasher.hashLeafInto(entries, pos, length, leaves, i * Hash.LENGTH);
                    pos += length;
                }
                if (pos != entriesLength) {
                    broken(first + width, "the entry bundle " + entriesPath + " holds more than its " + width + " entries");
                    return;
                }
                if (tileLength < 0) {
                    problems.add(Problem.atEntry(first, "the tile " + tilePath + " is missing"));
                } else if (tileLength != width * Hash.LENGTH) {
                    problems.add(Problem.atEntry(first, "the tile " + tilePath + " holds " + tileLength + " bytes, not "
                            + width * Hash.LENGTH));
                } else {
                    int mismatch = java.util.Arrays.mismatch(tile, 0, tileLength, leaves, 0, tileLength);
                    if (mismatch >= 0) {
                        problems.add(Problem.atEntry(first + mismatch / Hash.LENGTH, "the bytes of the entry hash to "
                                + Hash.of(leaves, (mismatch / Hash.LENGTH) * Hash.LENGTH) + " but the tile " + tilePath
                                + " holds another leaf hash"));
                    }
                }
                if (width == TilePaths.WIDTH) {
                    byte[] root = subtreeRoot(hasher, leaves, 0, TilePaths.WIDTH);
                    System.arraycopy(root, 0, level8, (int) bundle * Hash.LENGTH, Hash.LENGTH);
                } else {
                    tailLeaves = java.util.Arrays.copyOf(leaves, width * Hash.LENGTH);
                }
            }

            private void broken(long index, String message) {
                entriesBroken = true;
                problems.add(Problem.atEntry(index, message));
            }
        }

        /** Root of the first {@code treeSize} entries, from the recomputed nodes and the (checked) level-0 tiles. */
        Hash root(long treeSize) throws IOException {
            if (treeSize == 0) {
                return TreeHasher.emptyRoot();
            }
            TreeHasher hasher = TreeHasher.create();
            List<NodeId> nodes = Proofs.rangeNodes(0, treeSize);
            byte[] running = node(hasher, nodes.get(nodes.size() - 1));
            for (int i = nodes.size() - 2; i >= 0; i--) {
                hasher.hashChildrenInto(node(hasher, nodes.get(i)), 0, running, 0, running, 0);
            }
            return new Hash(running);
        }

        private byte[] node(TreeHasher hasher, NodeId id) throws IOException {
            int level = id.level();
            if (level >= TilePaths.HEIGHT) {
                int tileLevel = level / TilePaths.HEIGHT;
                int below = level % TilePaths.HEIGHT;
                byte[] base = levels.get(tileLevel - 1);
                return subtreeRoot(hasher, base, (int) (id.index() << below), 1 << below);
            }
            long bundle = id.begin() / TilePaths.WIDTH;
            byte[] leaves;
            if (bundle == fullBundles) {
                leaves = tailLeaves;
            } else {
                leaves = read(TilePaths.tile(0, bundle, TilePaths.WIDTH));
                if (leaves == null) {
                    throw new IOException("the tile of bundle " + bundle + " is missing");
                }
            }
            return subtreeRoot(hasher, leaves, (int) (id.begin() % TilePaths.WIDTH), 1 << level);
        }

        /** Reads a file into a reused buffer; its length, or -1 if it does not exist. */
        private int readInto(String relative, Buffer buffer) throws IOException {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(directory.resolve(relative))) {
                long size = channel.size();
                if (size > Integer.MAX_VALUE - 8) {
                    throw new IOException(relative + " is too large to be part of an export");
                }
                if (buffer.bytes.length < size) {
                    buffer.bytes = new byte[(int) size];
                }
                java.nio.ByteBuffer target = java.nio.ByteBuffer.wrap(buffer.bytes, 0, (int) size);
                while (target.hasRemaining() && channel.read(target) >= 0) {
                    // read until the whole file is in
                }
                return target.position();
            } catch (NoSuchFileException e) {
                return -1;
            }
        }

        private byte[] read(String relative) throws IOException {
            try {
                return Files.readAllBytes(directory.resolve(relative));
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }

    /** A growable byte buffer reused from file to file. */
    private static final class Buffer {
        byte[] bytes;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }
    }

    /** RFC 9162 root of the perfect subtree over {@code count} (a power of two) hashes starting at hash {@code first}. */
    static byte[] subtreeRoot(TreeHasher hasher, byte[] hashes, int first, int count) {
        byte[] work = java.util.Arrays.copyOfRange(hashes, first * Hash.LENGTH, (first + count) * Hash.LENGTH);
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                hasher.hashChildrenInto(work, 2 * i * Hash.LENGTH, work, (2 * i + 1) * Hash.LENGTH, work, i * Hash.LENGTH);
            }
        }
        return java.util.Arrays.copyOf(work, Hash.LENGTH);
    }
}
