package org.smolny.council.shell;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.smolny.council.Council;
import org.smolny.council.command.Command;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Tick;
import org.smolny.council.event.Entry;
import org.smolny.council.event.OrgId;
import org.smolny.council.member.Commitment;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Opening;
import org.smolny.council.member.PersonalData;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.shell.internal.CouncilDatabase;
import org.smolny.council.shell.internal.CouncilEntries;
import org.smolny.council.shell.internal.QueryTables;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.Transaction;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The council's shell: runs each command through the record store's writer. Inside the writer's transaction it
 * decides the command against the current state, appends the resulting entries to the record, writes the query
 * tables and the command's own rows (personal data on admission), and applies the entries to the in-memory state
 * as the work's last step, so that the next command of the same batch is decided against it. A refused command
 * writes nothing. Should a batch fail to commit, the writer finds the record shorter than the state has seen (or
 * the failed future marks the state stale) and folds the state again from the record before deciding.
 *
 * <p>On opening, the state is the fold of the record's council entries, and the query tables catch up with any
 * entries they do not reflect yet.
 *
 * <p>Thread-safe: commands from any thread are serialised by the store's writer; reads of the state take a read
 * lock ({@link #read}).
 */
public final class CouncilService {

    private static final int PAGE = 10_000;

    private final RecordStore store;
    private final Jdbi jdbi;
    private final InstantSource clock;
    private final OrgId org;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final SecureRandom random = new SecureRandom();
    private Council council;
    private volatile boolean stale;
    /** The record's size once this state's last entries were appended; touched only by the writer thread. */
    private long sizeSeen;

    private CouncilService(RecordStore store, Jdbi jdbi, InstantSource clock, OrgId org, Council council) {
        this.store = store;
        this.jdbi = jdbi;
        this.clock = clock;
        this.org = org;
        this.council = council;
    }

    /**
     * Opens the council kept in {@code store}'s database: migrates the council's tables, folds the record into the
     * state, and brings the query tables up to date. The organisation's id is the one on the record, or a new one.
     */
    public static CouncilService open(RecordStore store, InstantSource clock) {
        Jdbi jdbi = Jdbi.create(CouncilDatabase.open(store.config()));
        List<Entry> entries = new ArrayList<>();
        long size = foldInto(store, 0, entries::add);
        OrgId org = store.submit(tx -> organisation(tx.handle(), entries.isEmpty() ? null : entries.getFirst().org(), clock.instant()))
                .join();
        Council council = new Council(org);
        for (Entry entry : entries) {
            requireOrg(org, entry);
            council.apply(entry);
        }
        CouncilService service = new CouncilService(store, jdbi, clock, org, council);
        service.sizeSeen = size;
        store.submit(tx -> {
            catchUp(store, tx.handle(), size);
            return null;
        }).join();
        return service;
    }

    private static OrgId organisation(Handle handle, OrgId onRecord, Instant now) {
        Optional<OrgId> stored = handle.createQuery("SELECT org_id FROM council_org").mapTo(String.class).findOne().map(OrgId::parse);
        if (stored.isPresent()) {
            if (onRecord != null && !onRecord.equals(stored.get())) {
                throw new IllegalStateException("this database serves organisation " + stored.get() + " but its record holds "
                        + "entries of organisation " + onRecord);
            }
            return stored.get();
        }
        OrgId org = onRecord != null ? onRecord : OrgId.generate(now);
        handle.createUpdate("INSERT INTO council_org (org_id, created_at) VALUES (:org, :at)")
                .bind("org", org.toString()).bind("at", now.toString()).execute();
        return org;
    }

    private static void requireOrg(OrgId org, Entry entry) {
        if (!entry.org().equals(org)) {
            throw new IllegalStateException("the record holds an entry of organisation " + entry.org() + " beside " + org);
        }
    }

    /** Folds the council entries of the record from {@code from} to its end into {@code sink}; returns the size read to. */
    static long foldInto(RecordStore store, long from, java.util.function.Consumer<Entry> sink) {
        return foldIndexed(store, from, (index, entry) -> sink.accept(entry));
    }

    /** Like {@link #foldInto}, with each entry's index. */
    static long foldIndexed(RecordStore store, long from, IndexedSink sink) {
        long index = from;
        while (true) {
            List<byte[]> page = store.rawEntries(index, PAGE);
            for (byte[] raw : page) {
                long at = index++;
                CouncilEntries.decode(at, raw).ifPresent(entry -> sink.accept(at, entry));
            }
            if (page.size() < PAGE) {
                return index;
            }
        }
    }

    /** Receives a council entry with its index on the record. */
    @FunctionalInterface
    interface IndexedSink {
        void accept(long index, Entry entry);
    }

    private static void catchUp(RecordStore store, Handle handle, long size) {
        long applied = QueryTables.applied(handle);
        if (applied >= size) {
            return;
        }
        foldIndexed(store, applied, (index, entry) -> {
            if (index < size) {
                QueryTables.write(handle, index, entry);
            }
        });
        QueryTables.position(handle, size);
    }

    /** The organisation. */
    public OrgId org() {
        return org;
    }

    /** The record this council writes to. */
    public RecordStore store() {
        return store;
    }

    /** The database of the query tables, for reading them. */
    public Jdbi queries() {
        return jdbi;
    }

    /** The clock that dates every act. */
    public InstantSource clock() {
        return clock;
    }

    /** Reads the state under the read lock; {@code read} must not keep references to mutable parts. */
    public <T> T read(Function<CouncilState, T> read) {
        lock.readLock().lock();
        try {
            return read.apply(council.state());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code command} by {@code by} (null for the system) now; returns once its entries are durable, or refused. */
    public CommandResult execute(Command command, MemberId by) {
        return join(executeAsync(command, by));
    }

    /** {@link #execute} without waiting: the future completes when the command's entries are durable, or it is refused. */
    public CompletableFuture<CommandResult> executeAsync(Command command, MemberId by) {
        return submit(command, by, handle -> {
        });
    }

    /** Lets time act: whatever fell due by now (expiries, lapses, overdue meetings) goes on the record. */
    public CommandResult tick() {
        return execute(new Tick(), null);
    }

    /**
     * Admits a member by {@code unit}'s vote: the personal data goes to the erasable person table under a fresh
     * salt, and only the commitment goes on the record, in the same transaction.
     */
    public CommandResult admit(MemberId member, UnitId unit, PersonalData data, VoteTally unitVote, MemberId by) {
        return join(admitAsync(member, unit, data, unitVote, by));
    }

    /**
     * {@link #admit} without waiting: the future completes when the admission is durable or refused. Many admissions
     * in flight are committed together by the store's group commit (bulk imports).
     */
    public CompletableFuture<CommandResult> admitAsync(MemberId member, UnitId unit, PersonalData data, VoteTally unitVote, MemberId by) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        Opening opening = new Opening(salt, data);
        Commitment commitment = opening.commitment();
        return submit(new MemberCommand.AdmitMember(member, unit, commitment, unitVote), by, handle -> QueryTables.update(handle,
                "INSERT INTO council_person (member_id, name, email, phone, salt, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
                member.toString(), data.name(), data.email(), data.phone(), HexFormat.of().formatHex(salt), clock.instant().toString()));
    }

    /** The member's personal data, unless erased. */
    public Optional<PersonalData> person(MemberId member) {
        return opening(member).map(Opening::data);
    }

    /** The salt and data that open the member's commitment on the record, unless erased. */
    public Optional<Opening> opening(MemberId member) {
        try (Handle handle = jdbi.open()) {
            return handle.createQuery("SELECT name, email, phone, salt FROM council_person WHERE member_id = :member")
                    .bind("member", member.toString())
                    .map((rs, ctx) -> new Opening(HexFormat.of().parseHex(rs.getString(4)),
                            new PersonalData(rs.getString(1), rs.getString(2), rs.getString(3))))
                    .findOne();
        }
    }

    /**
     * Erases the member's personal data and sign-in account. The record keeps the member's pseudonymous id and the
     * commitment, which can no longer be opened; the record still verifies. Returns whether there was anything to erase.
     */
    public boolean erase(MemberId member) {
        return store.submit(tx -> {
            int persons = tx.handle().createUpdate("DELETE FROM council_person WHERE member_id = :member")
                    .bind("member", member.toString()).execute();
            int accounts = tx.handle().createUpdate("DELETE FROM council_account WHERE member_id = :member")
                    .bind("member", member.toString()).execute();
            return persons + accounts > 0;
        }).join();
    }

    /** Runs SQL of the shell (accounts, imports) in the writer's transaction, serialised with commands. */
    public <T> T write(Function<Handle, T> work) {
        try {
            return store.submit(tx -> work.apply(tx.handle())).join();
        } catch (CompletionException failed) {
            throw unwrap(failed);
        }
    }

    /** Work the command does in its transaction once accepted, before its entries are appended. */
    @FunctionalInterface
    private interface AcceptedWork {
        void run(Handle handle);
    }

    private CompletableFuture<CommandResult> submit(Command command, MemberId by, AcceptedWork accepted) {
        return store.submit(tx -> decideAndRecord(tx, command, by, accepted)).whenComplete((result, failure) -> {
            if (failure != null) {
                stale = true;
            }
        });
    }

    private static CommandResult join(CompletableFuture<CommandResult> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            throw unwrap(failed);
        }
    }

    private CommandResult decideAndRecord(Transaction tx, Command command, MemberId by, AcceptedWork accepted) {
        if (stale || tx.size() < sizeSeen) {
            // a batch that held this state's last entries did not commit: the state is ahead of the record
            refold();
        }
        Instant now = clock.instant();
        Outcome outcome = council.decide(command, by, now);
        if (outcome instanceof Outcome.Rejected rejected) {
            return new CommandResult.Refused(rejected.reason());
        }
        Outcome.Accepted acceptance = (Outcome.Accepted) outcome;
        List<Entry> entries = council.entries(acceptance, by, now);
        List<org.smolny.record.json.Entry> onRecord = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            try {
                onRecord.add(CouncilEntries.toRecord(entry));
            } catch (org.smolny.record.json.InvalidEntryException tooLarge) {
                return new CommandResult.Refused("the record cannot hold this act's '" + entry.type() + "' entry: " + tooLarge.getMessage());
            }
        }
        accepted.run(tx.handle());
        List<CommandResult.RecordedEntry> recorded = new ArrayList<>(entries.size());
        for (int position = 0; position < entries.size(); position++) {
            Entry entry = entries.get(position);
            long index = tx.append(onRecord.get(position));
            QueryTables.write(tx.handle(), index, entry);
            recorded.add(new CommandResult.RecordedEntry(index, entry));
        }
        if (!entries.isEmpty()) {
            QueryTables.position(tx.handle(), tx.size());
            sizeSeen = tx.size();
        }
        lock.writeLock().lock();
        try {
            entries.forEach(council::apply);
        } finally {
            lock.writeLock().unlock();
        }
        return new CommandResult.Recorded(recorded);
    }

    private void refold() {
        Council fresh = new Council(org);
        sizeSeen = foldInto(store, 0, entry -> {
            requireOrg(org, entry);
            fresh.apply(entry);
        });
        lock.writeLock().lock();
        try {
            council = fresh;
        } finally {
            lock.writeLock().unlock();
        }
        stale = false;
    }

    private static RuntimeException unwrap(CompletionException failed) {
        return failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
    }
}
